//! Adaptive retry mode's client-side rate limiter: a token bucket whose fill rate a CUBIC
//! controller lowers on throttling and raises again on success (as in the AWS SDKs). It does
//! nothing until the first throttling response.

use std::sync::Mutex;
use std::time::{Duration, Instant};

const MIN_FILL_RATE: f64 = 0.5;
const MIN_CAPACITY: f64 = 1.0;
const SMOOTH: f64 = 0.8;
const BETA: f64 = 0.7;
const SCALE_CONSTANT: f64 = 0.4;

#[derive(Debug)]
struct State {
    enabled: bool,
    fill_rate: f64,
    max_capacity: f64,
    current_capacity: f64,
    last_timestamp: f64,
    measured_tx_rate: f64,
    last_tx_rate_bucket: f64,
    request_count: u64,
    last_max_rate: f64,
    last_throttle_time: f64,
    time_window: f64,
}

/// One per client, shared by all its calls.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    epoch: Instant,
    state: Mutex<State>,
}

impl RateLimiter {
    pub fn new(now: Instant) -> Self {
        Self {
            epoch: now,
            state: Mutex::new(State {
                enabled: false,
                fill_rate: 0.0,
                max_capacity: 0.0,
                current_capacity: 0.0,
                last_timestamp: 0.0,
                measured_tx_rate: 0.0,
                last_tx_rate_bucket: 0.0,
                request_count: 0,
                last_max_rate: 0.0,
                last_throttle_time: 0.0,
                time_window: 0.0,
            }),
        }
    }

    fn seconds(&self, now: Instant) -> f64 {
        now.saturating_duration_since(self.epoch).as_secs_f64()
    }

    /// Takes one token; returns how long to wait before sending (zero when not throttled yet).
    /// Capacity may go negative so that concurrent callers queue behind each other.
    pub fn acquire(&self, now: Instant) -> Duration {
        let now = self.seconds(now);
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !state.enabled {
            return Duration::ZERO;
        }
        state.refill(now);
        state.current_capacity -= 1.0;
        if state.current_capacity >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-state.current_capacity / state.fill_rate)
        }
    }

    /// Feeds the controller with the outcome of one attempt.
    pub fn update(&self, throttled: bool, now: Instant) {
        let now = self.seconds(now);
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.update_measured_rate(now);
        let calculated = if throttled {
            let rate = if state.enabled {
                state.measured_tx_rate.min(state.fill_rate)
            } else {
                state.measured_tx_rate
            };
            state.last_max_rate = rate;
            state.calculate_time_window();
            state.last_throttle_time = now;
            state.enabled = true;
            rate * BETA
        } else {
            state.calculate_time_window();
            SCALE_CONSTANT * (now - state.last_throttle_time - state.time_window).powi(3)
                + state.last_max_rate
        };
        let new_rate = calculated.min(2.0 * state.measured_tx_rate);
        state.refill(now);
        state.fill_rate = new_rate.max(MIN_FILL_RATE);
        state.max_capacity = new_rate.max(MIN_CAPACITY);
        state.current_capacity = state.current_capacity.min(state.max_capacity);
    }

    #[cfg(test)]
    fn fill_rate(&self) -> f64 {
        self.state.lock().unwrap().fill_rate
    }
}

impl State {
    fn refill(&mut self, now: f64) {
        let filled = (now - self.last_timestamp).max(0.0) * self.fill_rate;
        self.current_capacity = (self.current_capacity + filled).min(self.max_capacity);
        self.last_timestamp = now;
    }

    fn calculate_time_window(&mut self) {
        self.time_window = (self.last_max_rate * (1.0 - BETA) / SCALE_CONSTANT).cbrt();
    }

    fn update_measured_rate(&mut self, now: f64) {
        let bucket = (now * 2.0).floor() / 2.0;
        self.request_count += 1;
        if bucket > self.last_tx_rate_bucket {
            let rate = self.request_count as f64 / (bucket - self.last_tx_rate_bucket);
            self.measured_tx_rate = rate * SMOOTH + self.measured_tx_rate * (1.0 - SMOOTH);
            self.request_count = 0;
            self.last_tx_rate_bucket = bucket;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inactive_until_throttled_then_limits_and_recovers() {
        let start = Instant::now();
        let limiter = RateLimiter::new(start);
        let at = |ms: u64| start + Duration::from_millis(ms);
        for i in 0..20 {
            assert_eq!(limiter.acquire(at(i * 100)), Duration::ZERO);
            limiter.update(false, at(i * 100));
        }
        limiter.update(true, at(2000));
        let throttled_rate = limiter.fill_rate();
        assert!(throttled_rate >= MIN_FILL_RATE);
        // Sends at one instant drain the bucket, then each waits 1/rate longer than the one before.
        let waits: Vec<Duration> = (0..12).map(|_| limiter.acquire(at(2000))).collect();
        assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
        let step = Duration::from_secs_f64(1.0 / throttled_rate);
        let last = waits[11];
        let before = waits[10];
        assert!(last > Duration::ZERO, "{waits:?}");
        assert!(
            ((last - before).as_secs_f64() - step.as_secs_f64()).abs() < 1e-6,
            "{waits:?}"
        );
        // Successes grow the rate again (CUBIC).
        for i in 0..40 {
            limiter.update(false, at(3000 + i * 250));
        }
        assert!(limiter.fill_rate() > throttled_rate);
    }
}
