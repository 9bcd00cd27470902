//! The three stance labels of the codebook.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::StanceError;

/// A statement's stance toward settling its dispute (see the codebook).
///
/// The order of the variants is the column order of every probability vector,
/// weight matrix and confusion matrix in the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The speaker moves toward agreement.
    Conciliatory,
    /// The speaker holds or hardens an uncompromising position.
    Maximalist,
    /// Neither.
    Neutral,
}

impl Stance {
    /// All labels, in column order.
    pub const ALL: [Stance; 3] = [Stance::Conciliatory, Stance::Maximalist, Stance::Neutral];

    /// Number of labels.
    pub const COUNT: usize = 3;

    /// The column of this label.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The label of a column; `None` past the last column.
    pub fn from_index(index: usize) -> Option<Stance> {
        Stance::ALL.get(index).copied()
    }

    /// The label's name in every file and output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Conciliatory => "conciliatory",
            Stance::Maximalist => "maximalist",
            Stance::Neutral => "neutral",
        }
    }

    /// The label names in column order, as owned strings.
    pub fn names() -> Vec<String> {
        Stance::ALL.iter().map(|s| s.as_str().to_string()).collect()
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stance {
    type Err = StanceError;

    /// Parses a label name; surrounding white space and case are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "conciliatory" => Ok(Stance::Conciliatory),
            "maximalist" => Ok(Stance::Maximalist),
            "neutral" => Ok(Stance::Neutral),
            _ => Err(StanceError::UnknownLabel(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_label() {
        for stance in Stance::ALL {
            assert_eq!(stance.as_str().parse::<Stance>().unwrap(), stance);
            assert_eq!(Stance::from_index(stance.index()), Some(stance));
        }
        assert_eq!(" Neutral ".parse::<Stance>().unwrap(), Stance::Neutral);
        assert!("hawkish".parse::<Stance>().is_err());
        assert_eq!(Stance::from_index(3), None);
    }

    #[test]
    fn serde_uses_lowercase_names() {
        assert_eq!(
            serde_json::to_string(&Stance::Maximalist).unwrap(),
            "\"maximalist\""
        );
    }
}
