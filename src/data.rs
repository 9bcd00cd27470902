//! Labeled statements: the input of `train` and `evaluate`.
//!
//! JSONL, one object per line, with "text" and "label" required and
//! "context", "speaker", "id", "source" optional; other fields are ignored and
//! blank lines are skipped. A file whose name ends in `.csv` is read as CSV
//! with a header that has `text` and `label` columns (and optionally the
//! others). Every error names the file and the line.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Result, StanceError};
use crate::label::Stance;

/// One labeled statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabeledStatement {
    /// The statement.
    pub text: String,
    /// Its label.
    pub label: Stance,
    /// The sentence around it, with the reporting clause.
    pub context: Option<String>,
    /// Who made it.
    pub speaker: Option<String>,
    /// The record's id.
    pub id: Option<String>,
    /// The document it comes from; statements of one source are kept in one
    /// cross-validation fold.
    pub source: Option<String>,
}

/// A labeled data file, read whole.
#[derive(Debug, Clone)]
pub struct LabeledData {
    /// The statements, in file order.
    pub statements: Vec<LabeledStatement>,
    /// SHA-256 of the file's bytes, in lowercase hex.
    pub sha256: String,
    /// Where it was read from.
    pub path: PathBuf,
}

#[derive(Deserialize)]
struct RawRecord {
    text: Option<serde_json::Value>,
    label: Option<serde_json::Value>,
    context: Option<String>,
    speaker: Option<String>,
    id: Option<serde_json::Value>,
    source: Option<String>,
}

impl LabeledData {
    /// Reads a JSONL or CSV file of labeled statements (`-` reads stdin).
    pub fn read(path: &Path) -> Result<LabeledData> {
        let bytes = read_bytes(path)?;
        let sha256 = hex(&Sha256::digest(&bytes));
        let text = utf8(path, bytes)?;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let statements = if is_csv {
            parse_csv(path, &text)?
        } else {
            parse_jsonl(path, &text)?
        };
        Ok(LabeledData {
            statements,
            sha256,
            path: path.to_path_buf(),
        })
    }

    /// The labels, in file order.
    pub fn labels(&self) -> Vec<Stance> {
        self.statements.iter().map(|s| s.label).collect()
    }
}

fn parse_jsonl(path: &Path, text: &str) -> Result<Vec<LabeledStatement>> {
    let mut statements = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| StanceError::BadRecord {
            path: path.to_path_buf(),
            line: i + 1,
            reason,
        };
        let raw: RawRecord =
            serde_json::from_str(line).map_err(|e| bad(format!("not a JSON object: {e}")))?;
        let text = match raw.text {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::String(_)) => return Err(bad("empty \"text\"".into())),
            Some(_) => return Err(bad("\"text\" is not a string".into())),
            None => return Err(bad("missing \"text\"".into())),
        };
        let label = match raw.label {
            Some(serde_json::Value::String(s)) => {
                s.parse::<Stance>().map_err(|e| bad(e.to_string()))?
            }
            Some(other) => return Err(bad(format!("\"label\" is not a string: {other}"))),
            None => return Err(bad("missing \"label\"".into())),
        };
        let id = raw.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        statements.push(LabeledStatement {
            text,
            label,
            context: raw.context.filter(|c| !c.trim().is_empty()),
            speaker: raw.speaker.filter(|s| !s.trim().is_empty()),
            id,
            source: raw.source.filter(|s| !s.trim().is_empty()),
        });
    }
    Ok(statements)
}

fn parse_csv(path: &Path, text: &str) -> Result<Vec<LabeledStatement>> {
    let bad = |line: usize, reason: String| StanceError::BadRecord {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad(1, format!("cannot read the CSV header: {e}")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let text_column =
        column("text").ok_or_else(|| bad(1, "the CSV header has no \"text\" column".into()))?;
    let label_column =
        column("label").ok_or_else(|| bad(1, "the CSV header has no \"label\" column".into()))?;
    let optional = ["context", "speaker", "id", "source"].map(column);
    let mut statements = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            bad(line, format!("malformed CSV record: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::to_string)
                .filter(|s| !s.trim().is_empty())
        };
        let text = get(Some(text_column)).ok_or_else(|| bad(line, "empty \"text\"".into()))?;
        let label = record
            .get(label_column)
            .unwrap_or("")
            .parse::<Stance>()
            .map_err(|e| bad(line, e.to_string()))?;
        statements.push(LabeledStatement {
            text,
            label,
            context: get(optional[0]),
            speaker: get(optional[1]),
            id: get(optional[2]),
            source: get(optional[3]),
        });
    }
    Ok(statements)
}

/// Reads a whole file, or stdin for `-`; a directory or a missing file is an
/// error that names the path.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io_error = |source| StanceError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io_error)?;
        return Ok(bytes);
    }
    if path.is_dir() {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is a directory, not a file",
        )));
    }
    std::fs::read(path).map_err(io_error)
}

/// Checks that `bytes` are UTF-8; the error names the file, line and byte.
pub fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        StanceError::InvalidUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
        }
    })
}

/// Reads a UTF-8 text file (or stdin for `-`).
pub fn read_text(path: &Path) -> Result<String> {
    utf8(path, read_bytes(path)?)
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(name: &str, content: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(content)
            .unwrap();
        (dir, path)
    }

    #[test]
    fn reads_jsonl_with_optional_fields_and_blank_lines() {
        let (_dir, path) = file(
            "d.jsonl",
            br#"{"text": "We are ready to talk", "label": "conciliatory", "speaker": "A", "extra": 1}

{"text": "Never", "label": "Maximalist", "context": "He said: Never", "id": 7}
"#,
        );
        let data = LabeledData::read(&path).unwrap();
        assert_eq!(data.statements.len(), 2);
        assert_eq!(data.statements[0].speaker.as_deref(), Some("A"));
        assert_eq!(data.statements[1].label, Stance::Maximalist);
        assert_eq!(data.statements[1].id.as_deref(), Some("7"));
        assert_eq!(data.sha256.len(), 64);
    }

    #[test]
    fn errors_name_the_line() {
        let (_dir, path) = file("d.jsonl", b"{\"text\": \"a\", \"label\": \"neutral\"}\n{\"text\": \"b\", \"label\": \"hawkish\"}\n");
        let err = LabeledData::read(&path).unwrap_err().to_string();
        assert!(
            err.contains("d.jsonl:2") && err.contains("hawkish"),
            "{err}"
        );
        let (_dir, path) = file("d.jsonl", b"{\"text\": \"a\"\n");
        assert!(LabeledData::read(&path)
            .unwrap_err()
            .to_string()
            .contains("d.jsonl:1"));
        let (_dir, path) = file("d.jsonl", b"{\"label\": \"neutral\"}\n");
        assert!(LabeledData::read(&path)
            .unwrap_err()
            .to_string()
            .contains("missing \"text\""));
    }

    #[test]
    fn reads_csv_with_a_header() {
        let (_dir, path) = file(
            "d.csv",
            b"id,text,label\n1,\"Talks, at last\",conciliatory\n2,No deal,neutral\n",
        );
        let data = LabeledData::read(&path).unwrap();
        assert_eq!(data.statements[0].text, "Talks, at last");
        assert_eq!(data.labels(), [Stance::Conciliatory, Stance::Neutral]);
        let (_dir, path) = file("d.csv", b"id,text,label\n1,x,angry\n");
        assert!(LabeledData::read(&path)
            .unwrap_err()
            .to_string()
            .contains("d.csv:2"));
    }

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let (_dir, path) = file("a.txt", b"ok\nbad \xff here");
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.contains("a.txt") && err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_directory_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_text(dir.path())
            .unwrap_err()
            .to_string()
            .contains("directory"));
    }
}
