//! The one error type of the library.

use std::path::PathBuf;

/// Everything that can go wrong in the library, with the values that explain it.
///
/// Messages are written for the person at the terminal: they name the file
/// and, where there is one, the line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StanceError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file (or stdin) is not valid UTF-8.
    #[error("{path}: not valid UTF-8 text (line {line}, byte {offset})")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// The first byte that is not UTF-8.
        offset: usize,
    },
    /// A record of a labeled-data file is malformed.
    #[error("{path}:{line}: {reason}")]
    BadRecord {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A label that is not conciliatory, maximalist or neutral.
    #[error("unknown label {0:?} (expected conciliatory, maximalist or neutral)")]
    UnknownLabel(String),
    /// Training data that cannot train a model.
    #[error("{0}")]
    BadTrainingSet(String),
    /// A parameter outside its valid range.
    #[error("invalid parameter {name}: {reason}")]
    InvalidParam {
        /// The parameter's name, as on the command line.
        name: &'static str,
        /// Why it is rejected.
        reason: String,
    },
    /// A model file that cannot be used.
    #[error("{path}: {reason}")]
    BadModel {
        /// The model file (`<built-in>` for the embedded model).
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The logistic regression failed to fit.
    #[error("training failed: {0}")]
    Fit(String),
}

/// The library's result type.
pub type Result<T, E = StanceError> = std::result::Result<T, E>;
