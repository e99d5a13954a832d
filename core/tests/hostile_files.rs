//! Hostile local files: a config file or CA bundle that is `/dev/zero`, a FIFO fed forever or
//! simply too large is refused with a configuration error naming the file and the cap, quickly
//! and without reading more than the cap.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cognito_attr_code::local_file::{CA_BUNDLE_MAX, CONFIG_FILE_MAX};
use cognito_attr_code::{Client, Error, ErrorKind, Settings};

/// Generous for a loaded machine: reading the cap takes milliseconds.
const TIME_BOUND: Duration = Duration::from_secs(10);

/// A client built from `settings` and exactly the variables in `env` (none from the process).
fn client_error(settings: Settings, env: &[(&str, &str)]) -> Error {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    let started = Instant::now();
    let result = Client::with_environment(&settings, &env);
    assert!(
        started.elapsed() < TIME_BOUND,
        "took {:?}",
        started.elapsed()
    );
    match result {
        Ok(_) => panic!("the client was built"),
        Err(err) => err,
    }
}

fn assert_names_file_and_cap(err: &Error, path: &Path, cap: u64) {
    assert!(
        matches!(err.kind(), ErrorKind::Configuration { .. }),
        "{err:?}"
    );
    let message = err.message();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&format!("limit of {cap} bytes")),
        "{message}"
    );
}

/// A regular file of `len` bytes: comment lines, valid for both the INI and the PEM reader.
fn oversized_file(dir: &Path, len: u64) -> PathBuf {
    let path = dir.join("big");
    let line = format!("#{}\n", "x".repeat(63));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut written = 0;
    while written < len {
        let chunk = &line.as_bytes()[..line.len().min((len - written) as usize)];
        file.write_all(chunk).unwrap();
        written += chunk.len() as u64;
    }
    file.flush().unwrap();
    path
}

/// A FIFO whose writer sends zeros until the reader closes it (then its write fails).
#[cfg(unix)]
fn endless_fifo(dir: &Path) -> (PathBuf, std::thread::JoinHandle<u64>) {
    let path = dir.join("fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut fifo = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .unwrap();
        let zeros = [0u8; 64 * 1024];
        let mut sent = 0u64;
        // Bounded: the reader stops after the cap, and 1 GiB is far beyond any cap.
        while sent < 1 << 30 {
            match fifo.write(&zeros) {
                Ok(n) => sent += n as u64,
                Err(_) => break,
            }
        }
        sent
    });
    (path, writer)
}

/// `/dev/zero` and FIFOs (`mkfifo`) are Unix's.
#[cfg(unix)]
#[test]
fn config_file_that_never_ends_is_refused() {
    let err = client_error(
        Settings::new().region("us-east-1"),
        &[("AWS_CONFIG_FILE", "/dev/zero")],
    );
    assert_names_file_and_cap(&err, Path::new("/dev/zero"), CONFIG_FILE_MAX);

    let dir = tempfile::tempdir().unwrap();
    let (fifo, writer) = endless_fifo(dir.path());
    let err = client_error(
        Settings::new().region("us-east-1"),
        &[("AWS_CONFIG_FILE", fifo.to_str().unwrap())],
    );
    assert_names_file_and_cap(&err, &fifo, CONFIG_FILE_MAX);
    let sent = writer.join().unwrap();
    assert!(
        sent < 1 << 30,
        "the reader stopped early; {sent} bytes sent"
    );
}

#[test]
fn config_file_over_the_cap_is_refused_at_the_cap_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = oversized_file(dir.path(), CONFIG_FILE_MAX + 1);
    let err = client_error(
        Settings::new().region("us-east-1"),
        &[("AWS_CONFIG_FILE", path.to_str().unwrap())],
    );
    assert_names_file_and_cap(&err, &path, CONFIG_FILE_MAX);

    let profile = "[default]\nregion = eu-west-3\n";
    let filler = oversized_file(dir.path(), CONFIG_FILE_MAX - profile.len() as u64);
    let mut text = profile.as_bytes().to_vec();
    text.extend_from_slice(&std::fs::read(&filler).unwrap());
    assert_eq!(text.len() as u64, CONFIG_FILE_MAX);
    let at_cap = dir.path().join("config");
    std::fs::write(&at_cap, &text).unwrap();
    let env = HashMap::from([("AWS_CONFIG_FILE", at_cap.to_str().unwrap())]);
    let client = Client::with_environment(&Settings::new(), &env).unwrap();
    let region = client.config().region.as_ref().map(|r| r.value.as_str());
    assert_eq!(region, Some("eu-west-3"));
}

#[test]
fn ca_bundle_that_never_ends_or_is_too_large_is_refused() {
    let err = client_error(
        Settings::new().region("us-east-1").ca_bundle("/dev/zero"),
        &[],
    );
    assert_names_file_and_cap(&err, Path::new("/dev/zero"), CA_BUNDLE_MAX);
    assert!(err.message().contains("ca_bundle"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let path = oversized_file(dir.path(), CA_BUNDLE_MAX + 1);
    let err = client_error(
        Settings::new().region("us-east-1"),
        &[("AWS_CA_BUNDLE", path.to_str().unwrap())],
    );
    assert_names_file_and_cap(&err, &path, CA_BUNDLE_MAX);
    assert!(err.message().contains("AWS_CA_BUNDLE"), "{err}");
}
