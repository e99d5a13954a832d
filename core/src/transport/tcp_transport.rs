//! TCP connections with a one-system-call liveness probe.
//!
//! ureq asks a pooled connection whether it is still open twice per call (when the connection
//! goes back to the pool and when it is taken out). Its own TCP transport answers with three
//! system calls each time (non-blocking on, a 1-byte read, non-blocking off); on Unix this one
//! answers with one `recv(MSG_PEEK | MSG_DONTWAIT)`, which leaves the socket blocking and consumes
//! nothing. Windows has no per-call non-blocking flag: there the probe is a peek between
//! non-blocking on and off (still consuming nothing). Everything else behaves as ureq's `TcpConnector`: per-address connect timeouts,
//! `TCP_NODELAY`, read/write timeouts set only when they change, reads retried on `EINTR`, and
//! the socket registered with the agent so that `Agent::shutdown` interrupts blocked I/O.

use std::fmt;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, ShutdownHandle,
    Transport,
};

/// Opens plain TCP connections (unless an earlier connector, e.g. a CONNECT proxy, already did).
#[derive(Debug, Default)]
pub(crate) struct TcpConnector;

impl<In: Transport> Connector<In> for TcpConnector {
    type Out = Either<In, TcpTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        if let Some(transport) = chained {
            return Ok(Some(Either::A(transport)));
        }
        let stream = Arc::new(connect(details)?);
        let shutdown: Arc<dyn ShutdownHandle> = Arc::new(Shutter(Arc::clone(&stream)));
        (details.register_shutdown)(Arc::downgrade(&shutdown))?;
        let config = details.config;
        Ok(Some(Either::B(TcpTransport {
            stream,
            _shutdown: shutdown,
            buffers: LazyBuffers::new(config.input_buffer_size(), config.output_buffer_size()),
            read_timeout: None,
            write_timeout: None,
        })))
    }
}

/// Tries each resolved address in turn within the connect timeout.
fn connect(details: &ConnectionDetails) -> Result<TcpStream, ureq::Error> {
    let timeout = details.timeout;
    let limit = time_limit(timeout)?;
    let started = Instant::now();
    let mut last_error = None;
    for addr in &details.addrs {
        let remaining = limit.map(|limit| limit.saturating_sub(started.elapsed()));
        if remaining.is_some_and(|left| left.is_zero()) {
            return Err(ureq::Error::Timeout(timeout.reason));
        }
        let attempt = match remaining {
            Some(left) => TcpStream::connect_timeout(addr, left),
            None => TcpStream::connect(addr),
        };
        match attempt {
            Ok(stream) => {
                if details.config.no_delay() {
                    stream.set_nodelay(true)?;
                }
                return Ok(stream);
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
                ) =>
            {
                last_error = Some(ureq::Error::Timeout(timeout.reason));
            }
            Err(e) => last_error = Some(ureq::Error::Io(e)),
        }
    }
    Err(last_error.unwrap_or_else(|| {
        ureq::Error::Io(io::Error::new(
            io::ErrorKind::ConnectionRefused,
            "Connection refused",
        ))
    }))
}

/// Shares the socket with the agent, which may shut it down from another thread.
struct Shutter(Arc<TcpStream>);

impl ShutdownHandle for Shutter {
    fn shutdown(&self) {
        // Already closed or shut down: nothing left to interrupt.
        let _ = self.0.shutdown(Shutdown::Both);
    }
}

pub(crate) struct TcpTransport {
    stream: Arc<TcpStream>,
    /// Kept alive with the transport: the agent holds only a weak reference to it.
    _shutdown: Arc<dyn ShutdownHandle>,
    buffers: LazyBuffers,
    read_timeout: Option<Duration>,
    write_timeout: Option<Duration>,
}

impl fmt::Debug for TcpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TcpTransport")
            .field("peer", &self.stream.peer_addr().ok())
            .finish_non_exhaustive()
    }
}

/// The time an I/O step may take (`None`: unbounded); an expired budget is that timeout's error.
fn time_limit(timeout: NextTimeout) -> Result<Option<Duration>, ureq::Error> {
    if timeout.after.is_not_happening() {
        return Ok(None);
    }
    if timeout.after.is_zero() {
        return Err(ureq::Error::Timeout(timeout.reason));
    }
    Ok(Some(*timeout.after))
}

/// Sets a socket timeout only when it differs from the one last set (one system call saved per
/// read and write).
fn update_timeout(
    wanted: Option<Duration>,
    current: &mut Option<Duration>,
    set: impl FnOnce(Option<Duration>) -> io::Result<()>,
) -> io::Result<()> {
    if wanted != *current {
        set(wanted)?;
        *current = wanted;
    }
    Ok(())
}

fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

impl Transport for TcpTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let timeout = timeout.for_write();
        let limit = time_limit(timeout)?;
        let stream = &*self.stream;
        update_timeout(limit, &mut self.write_timeout, |t| {
            stream.set_write_timeout(t)
        })?;
        crate::transport::cancellation::watch_socket(&self.stream);
        let output = &self.buffers.output()[..amount];
        (&*self.stream).write_all(output).map_err(|e| {
            if timed_out(&e) {
                ureq::Error::Timeout(timeout.reason)
            } else {
                e.into()
            }
        })
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let timeout = timeout.for_read();
        let limit = time_limit(timeout)?;
        let stream = &*self.stream;
        update_timeout(limit, &mut self.read_timeout, |t| {
            stream.set_read_timeout(t)
        })?;
        let started = Instant::now();
        let input = self.buffers.input_append_buf();
        let amount = loop {
            match (&*self.stream).read(input) {
                // A signal interrupted the read: go on with what is left of the timeout.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    let Some(limit) = limit else {
                        return Err(e.into());
                    };
                    let left = limit.saturating_sub(started.elapsed());
                    if left.is_zero() {
                        return Err(ureq::Error::Timeout(timeout.reason));
                    }
                    update_timeout(Some(left), &mut self.read_timeout, |t| {
                        stream.set_read_timeout(t)
                    })?;
                }
                Err(e) if timed_out(&e) => return Err(ureq::Error::Timeout(timeout.reason)),
                Err(e) => return Err(e.into()),
                Ok(amount) => break amount,
            }
        };
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    /// Open means: nothing to read and no end of stream. Bytes the server sent unasked, an
    /// orderly close, or an error all mean the connection must not carry another request.
    fn is_open(&mut self) -> bool {
        crate::transport::cancellation::unwatch_socket(&self.stream);
        match peek_without_waiting(&self.stream) {
            Err(e) => e.kind() == io::ErrorKind::WouldBlock,
            Ok(_) => false,
        }
    }
}

/// Peeks at one byte without waiting for it: `WouldBlock` when there is none yet.
#[cfg(unix)]
fn peek_without_waiting(stream: &TcpStream) -> io::Result<usize> {
    let mut byte = [std::mem::MaybeUninit::<u8>::uninit()];
    socket2::SockRef::from(stream).recv_with_flags(&mut byte, libc::MSG_PEEK | libc::MSG_DONTWAIT)
}

/// Peeks at one byte without waiting for it: `WouldBlock` when there is none yet. A socket that
/// cannot be made blocking again is reported as an error, so the connection is not reused.
#[cfg(not(unix))]
fn peek_without_waiting(stream: &TcpStream) -> io::Result<usize> {
    stream.set_nonblocking(true)?;
    let peeked = stream.peek(&mut [0u8]);
    match stream.set_nonblocking(false) {
        Ok(()) => peeked,
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => Err(io::ErrorKind::Other.into()),
        Err(e) => Err(e),
    }
}
