//! The CLI's errors as one typed enum: what went wrong before any article could be
//! checked (a usage mistake, a file that cannot be read or written). Problems *in*
//! an article are findings ([`super::report`]), not errors.

use std::io;

use super::{EXIT_ERRORS, EXIT_USAGE};

/// Why a command could not do its work.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line is wrong; the message says how.
    #[error("{command}: {message}")]
    Usage {
        /// The command (`check`, `render`, …) or `evidence-article`.
        command: &'static str,
        /// What is wrong with the arguments.
        message: String,
    },
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A file is not UTF-8 text.
    #[error("{path}: not UTF-8 text")]
    NotUtf8 {
        /// The file.
        path: String,
    },
    /// A file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// `new` or `import` would overwrite a file.
    #[error("{path} already exists: choose another name, or pass --force to replace it")]
    Exists {
        /// The file.
        path: String,
    },
    /// The input has problems (each already reported); nothing was written.
    #[error("{count} problem(s) found; nothing was written")]
    Problems {
        /// How many.
        count: usize,
    },
}

impl CliError {
    /// The process exit code for this error (see the module docs of [`super`]).
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Problems { .. } => EXIT_ERRORS,
            _ => EXIT_USAGE,
        }
    }

    /// A usage error of `command`.
    pub fn usage(command: &'static str, message: impl Into<String>) -> Self {
        CliError::Usage {
            command,
            message: message.into(),
        }
    }
}

/// Reads a UTF-8 text file.
pub fn read_text(path: &str) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| CliError::NotUtf8 {
        path: path.to_owned(),
    })
}

/// Writes `text` to `path`, refusing to replace an existing file unless `force`.
pub fn write_text(path: &str, text: &str, force: bool) -> Result<(), CliError> {
    if !force && std::path::Path::new(path).exists() {
        return Err(CliError::Exists {
            path: path.to_owned(),
        });
    }
    std::fs::write(path, text).map_err(|source| CliError::Write {
        path: path.to_owned(),
        source,
    })
}
