//! # stance
//!
//! Finds the statements in news articles (direct quotes and reported speech,
//! with who said them) and labels each one's stance toward settling the
//! dispute it is about: conciliatory, maximalist or neutral.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! article text ──extract──▶ Statement {text, speaker, span, context}
//!              ──analyze──▶ terms (words, negation marks, stems, n-grams)
//!              ──features─▶ SparseRow (TF-IDF, L2-normalised)
//!              ──model────▶ probabilities per label
//!              ──metrics / report──▶ accuracy reports
//! ```
//!
//! [`pipeline::Pipeline`] holds the fitted stages and reads and writes the
//! model file; [`classify::Classifier`] runs articles through it.
//!
//! ```
//! use stance::{classify::Classifier, pipeline::Input};
//! let classifier = Classifier::builtin().unwrap();
//! let prediction = classifier.pipeline().predict(Input {
//!     text: "We are ready to sit down with them without preconditions.",
//!     context: None,
//! });
//! let total: f64 = prediction.probabilities.iter().sum();
//! assert!((total - 1.0).abs() < 1e-9);
//! ```

#![deny(missing_docs)]

pub mod analyze;
pub mod classify;
pub mod cues;
pub mod cv;
pub mod data;
pub mod error;
pub mod extract;
pub mod features;
pub mod folds;
pub mod inspect;
pub mod label;
pub mod metrics;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod statement;
pub mod verbs;

pub use error::{Result, StanceError};
pub use label::Stance;
