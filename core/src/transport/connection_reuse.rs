//! What happened to the connection of the current attempt: was it opened for this attempt or
//! taken from the pool, and did any byte of a response arrive on it?
//!
//! A server may close an idle keep-alive connection at any moment without `Connection: close`;
//! a request written into that connection just as it closes fails with a reset or an empty read,
//! and the server never saw it. Only such a failure (reused connection, no response byte) may be
//! replayed on a fresh connection without risking a second verification code.
//!
//! ureq does not say whether a call reused a connection, but it calls the connector only to open
//! a new one, on the calling thread, and the call runs on that thread from start to end. So the
//! last connector of the chain marks a thread-local record, and wraps the transport so that
//! incoming bytes mark it too.

use std::cell::Cell;
use std::time::Duration;

use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

/// Pooled connections older than this are not reused: servers (cognito-local among them) close
/// idle keep-alive connections after about 5 s, and a request sent on such a connection fails.
pub const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(4);

/// The connection facts of the attempt running on this thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ConnectionUse {
    /// A new connection was opened for the attempt.
    pub opened: bool,
    /// The attempt wrote to a connection (new or pooled).
    pub written: bool,
    /// At least one byte of response arrived.
    pub response_started: bool,
}

impl ConnectionUse {
    /// The attempt ran on a connection taken from the pool.
    pub fn reused(self) -> bool {
        self.written && !self.opened
    }
}

thread_local! {
    static CURRENT: Cell<ConnectionUse> = const {
        Cell::new(ConnectionUse { opened: false, written: false, response_started: false })
    };
}

/// Starts recording for an attempt about to run on this thread.
pub(crate) fn begin_attempt() {
    CURRENT.set(ConnectionUse::default());
}

/// What was recorded since [`begin_attempt`] on this thread.
pub(crate) fn current() -> ConnectionUse {
    CURRENT.get()
}

fn record(update: impl FnOnce(&mut ConnectionUse)) {
    let mut state = CURRENT.get();
    update(&mut state);
    CURRENT.set(state);
}

/// The last connector of the chain: notes that a connection was opened and wraps its transport.
#[derive(Debug, Default)]
pub(crate) struct ObservingConnector;

impl<In: Transport> Connector<In> for ObservingConnector {
    type Out = ObservedTransport<In>;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| {
            record(|state| state.opened = true);
            ObservedTransport { inner }
        }))
    }
}

/// A transport that notes when response bytes arrive.
#[derive(Debug)]
pub(crate) struct ObservedTransport<T> {
    inner: T,
}

impl<T: Transport> Transport for ObservedTransport<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        record(|state| state.written = true);
        self.inner.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let result = self.inner.await_input(timeout);
        if !self.inner.buffers().input().is_empty() {
            record(|state| state.response_started = true);
        }
        result
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}
