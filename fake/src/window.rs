//! A per-user (or per-pool) limit over a sliding window of the fake's clock.

/// The times of the attempts a limit counts; an attempt is refused when `limit` attempts already
/// fall in the window ending now. A refused attempt is not counted, so the user can try again as
/// soon as the oldest counted one leaves the window (sliding window).
#[derive(Default)]
pub(crate) struct SlidingWindow {
    times: Vec<i64>,
}

impl SlidingWindow {
    /// Counts an attempt at `now` and returns `true`, or returns `false` when the limit is reached.
    pub(crate) fn try_count(&mut self, now: i64, window_seconds: i64, limit: usize) -> bool {
        self.times.retain(|&time| time > now - window_seconds);
        if self.times.len() >= limit {
            return false;
        }
        self.times.push(now);
        true
    }

    /// Counts an attempt at `now` (after [`Self::is_full`] said it is allowed).
    pub(crate) fn count(&mut self, now: i64) {
        self.times.push(now);
    }

    /// Whether an attempt at `now` would be refused, without counting one.
    pub(crate) fn is_full(&self, now: i64, window_seconds: i64, limit: usize) -> bool {
        self.times
            .iter()
            .filter(|&&time| time > now - window_seconds)
            .count()
            >= limit
    }
}

#[cfg(test)]
mod tests {
    use super::SlidingWindow;

    #[test]
    fn refuses_the_sixth_in_an_hour_and_slides() {
        let mut window = SlidingWindow::default();
        for second in 0..5 {
            assert!(window.try_count(second, 3600, 5));
        }
        assert!(!window.try_count(100, 3600, 5));
        assert!(!window.try_count(3599, 3600, 5));
        assert!(window.try_count(3600, 3600, 5));
    }
}
