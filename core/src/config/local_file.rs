//! Reading a local file with a size cap. A path may name `/dev/zero`, a FIFO fed forever or a
//! huge file; nothing read from disk (config file, CA bundle, CLI parameter files) may grow
//! memory without bound, so every such read goes through [`read_capped`].

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest shared config file read (`AWS_CONFIG_FILE`, `~/.aws/config`), in bytes.
pub const CONFIG_FILE_MAX: u64 = 1024 * 1024;
/// Largest CA bundle read, in bytes (the whole Mozilla bundle is about 220 KB).
pub const CA_BUNDLE_MAX: u64 = 4 * 1024 * 1024;

/// Why a local file could not be read: it names the file, what it was for and, when too large,
/// the cap.
#[derive(Debug)]
pub struct LocalFileError {
    path: PathBuf,
    what: &'static str,
    reason: Reason,
}

#[derive(Debug)]
enum Reason {
    Io(io::Error),
    TooLarge { cap: u64 },
    NotUtf8,
}

impl LocalFileError {
    /// The file that could not be read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cap in bytes, when the file was larger than it.
    pub fn exceeded_cap(&self) -> Option<u64> {
        match self.reason {
            Reason::TooLarge { cap } => Some(cap),
            _ => None,
        }
    }

    /// `true` when the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.reason, Reason::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for LocalFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, path) = (self.what, self.path.display());
        match &self.reason {
            Reason::Io(e) => write!(f, "cannot read {what} {path}: {e}"),
            Reason::TooLarge { cap } => write!(
                f,
                "{what} {path} is larger than the limit of {cap} bytes ({})",
                human_size(*cap)
            ),
            Reason::NotUtf8 => write!(f, "{what} {path} is not UTF-8 text"),
        }
    }
}

impl std::error::Error for LocalFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.reason {
            Reason::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// The whole content of `path`, or an error if it is longer than `cap` bytes. `what` names the
/// file's role in messages, e.g. `"config file"`. At most `cap + 1` bytes are ever read, so a
/// device or FIFO that never ends costs no more than a regular file of `cap` bytes.
pub fn read_capped(path: &Path, cap: u64, what: &'static str) -> Result<Vec<u8>, LocalFileError> {
    let error = |reason| LocalFileError {
        path: path.to_owned(),
        what,
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| error(Reason::Io(e)))?;
    let mut content = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut content)
        .map_err(|e| error(Reason::Io(e)))?;
    if content.len() as u64 > cap {
        return Err(error(Reason::TooLarge { cap }));
    }
    Ok(content)
}

/// [`read_capped`] for a text file: the content must be UTF-8.
pub fn read_capped_text(
    path: &Path,
    cap: u64,
    what: &'static str,
) -> Result<String, LocalFileError> {
    let content = read_capped(path, cap, what)?;
    String::from_utf8(content).map_err(|_| LocalFileError {
        path: path.to_owned(),
        what,
        reason: Reason::NotUtf8,
    })
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_stops_at_the_cap() {
        let err = read_capped(Path::new("/dev/zero"), 4096, "test file").unwrap_err();
        assert_eq!(err.exceeded_cap(), Some(4096));
        assert_eq!(
            err.to_string(),
            "test file /dev/zero is larger than the limit of 4096 bytes (4 KiB)"
        );
    }

    #[test]
    fn a_file_of_exactly_the_cap_is_read_one_more_byte_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, [b'x'; 100]).unwrap();
        assert_eq!(read_capped(&path, 100, "test file").unwrap().len(), 100);
        let err = read_capped(&path, 99, "test file").unwrap_err();
        assert!(err.to_string().contains("limit of 99 bytes"), "{err}");
        assert_eq!(err.path(), path);
    }

    #[test]
    fn missing_and_non_utf8_files() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_capped(&dir.path().join("nope"), 10, "test file").unwrap_err();
        assert!(missing.is_not_found());
        assert!(missing.to_string().starts_with("cannot read test file "));
        let path = dir.path().join("latin1");
        std::fs::write(&path, [0xe9]).unwrap();
        let err = read_capped_text(&path, 10, "test file").unwrap_err();
        assert!(err.to_string().ends_with("is not UTF-8 text"), "{err}");
        assert_eq!(read_capped(&path, 10, "test file").unwrap(), [0xe9]);
    }
}
