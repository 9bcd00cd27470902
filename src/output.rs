//! Renderers of statement records (`extract`, `classify`) over any writer.
//!
//! A [`RecordWriter`] streams records one at a time, so hundreds of articles
//! are written as they are read; `finish` closes what the format needs closed
//! (the JSON array).

use std::io::{self, Write};

use crate::classify::StatementRecord;

/// The formats of `extract` and `classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecordFormat {
    /// Aligned columns for the terminal.
    Table,
    /// One JSON array of records.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// Writes statement records in one format.
pub struct RecordWriter<W: Write> {
    out: W,
    format: RecordFormat,
    labeled: bool,
    written: usize,
    csv: Option<csv::Writer<Vec<u8>>>,
}

const TABLE_TEXT_WIDTH: usize = 72;

impl<W: Write> RecordWriter<W> {
    /// A writer; `labeled` says whether records carry label fields (classify)
    /// or not (extract), which decides the table and CSV columns.
    pub fn new(out: W, format: RecordFormat, labeled: bool) -> Self {
        RecordWriter {
            out,
            format,
            labeled,
            written: 0,
            csv: None,
        }
    }

    /// Writes one record.
    pub fn write(&mut self, record: &StatementRecord) -> io::Result<()> {
        match self.format {
            RecordFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, record)?;
                self.out.write_all(b"\n")?;
            }
            RecordFormat::Json => {
                self.out.write_all(if self.written == 0 {
                    b"[\n  "
                } else {
                    b",\n  "
                })?;
                serde_json::to_writer(&mut self.out, record)?;
            }
            RecordFormat::Csv => self.write_csv(record)?,
            RecordFormat::Table => self.write_table_row(record)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array) and flushes it.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            RecordFormat::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
            }
            RecordFormat::Csv if self.written == 0 => self.write_csv_header()?,
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn csv_header(&self) -> Vec<&'static str> {
        let mut header = vec![
            "article", "index", "text", "speaker", "kind", "start", "end", "context", "cue",
        ];
        if self.labeled {
            header.extend([
                "label",
                "confidence",
                "conciliatory",
                "maximalist",
                "neutral",
            ]);
        }
        header
    }

    fn write_csv_header(&mut self) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(self.csv_header())?;
        self.flush_csv(writer)
    }

    fn flush_csv(&mut self, writer: csv::Writer<Vec<u8>>) -> io::Result<()> {
        let bytes = writer.into_inner().map_err(|e| e.into_error())?;
        self.out.write_all(&bytes)
    }

    fn write_csv(&mut self, record: &StatementRecord) -> io::Result<()> {
        if self.written == 0 {
            self.write_csv_header()?;
        }
        let writer = self
            .csv
            .take()
            .unwrap_or_else(|| csv::Writer::from_writer(Vec::new()));
        let mut writer = writer;
        let opt = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut row = vec![
            record.article.clone().unwrap_or_default(),
            record.index.to_string(),
            record.text.clone(),
            record.speaker.clone().unwrap_or_default(),
            record.kind.as_str().to_string(),
            opt(record.start),
            opt(record.end),
            record.context.clone().unwrap_or_default(),
            record.cue.clone().unwrap_or_default(),
        ];
        if self.labeled {
            if let Some(s) = &record.stance {
                row.extend([
                    s.label.to_string(),
                    s.confidence.to_string(),
                    s.probabilities.conciliatory.to_string(),
                    s.probabilities.maximalist.to_string(),
                    s.probabilities.neutral.to_string(),
                ]);
            } else {
                row.extend(std::iter::repeat_n(String::new(), 5));
            }
        }
        writer.write_record(&row)?;
        self.flush_csv(writer)
    }

    fn write_table_row(&mut self, record: &StatementRecord) -> io::Result<()> {
        if self.written == 0 {
            if self.labeled {
                writeln!(
                    self.out,
                    "{:<4} {:<9} {:<13} {:>5}  {:<22} TEXT",
                    "#", "KIND", "LABEL", "CONF", "SPEAKER"
                )?;
            } else {
                writeln!(
                    self.out,
                    "{:<4} {:<9} {:<14} {:<22} TEXT",
                    "#", "KIND", "CUE", "SPEAKER"
                )?;
            }
        }
        if record.index == 0 {
            if let Some(article) = &record.article {
                writeln!(self.out, "== {article}")?;
            }
        }
        let speaker = truncate(record.speaker.as_deref().unwrap_or("-"), 22);
        let text = truncate(
            &record.text.split_whitespace().collect::<Vec<_>>().join(" "),
            TABLE_TEXT_WIDTH,
        );
        match (&record.stance, self.labeled) {
            (Some(s), true) => writeln!(
                self.out,
                "{:<4} {:<9} {:<13} {:>5.2}  {:<22} {}",
                record.index,
                record.kind.as_str(),
                s.label.as_str(),
                s.confidence,
                speaker,
                text
            ),
            _ => writeln!(
                self.out,
                "{:<4} {:<9} {:<14} {:<22} {}",
                record.index,
                record.kind.as_str(),
                truncate(record.cue.as_deref().unwrap_or("-"), 14),
                speaker,
                text
            ),
        }
    }
}

/// At most `width` characters, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::{LabelFields, Probabilities};
    use crate::label::Stance;
    use crate::statement::StatementKind;

    fn record(index: usize, labeled: bool) -> StatementRecord {
        StatementRecord {
            article: Some("a.txt".into()),
            index,
            text: "We are \"ready\", to talk".into(),
            speaker: Some("Ana Ruiz".into()),
            kind: StatementKind::Direct,
            start: Some(3),
            end: Some(26),
            context: Some("ctx".into()),
            cue: Some("said".into()),
            stance: labeled.then_some(LabelFields {
                label: Stance::Conciliatory,
                confidence: 0.5,
                probabilities: Probabilities {
                    conciliatory: 0.5,
                    maximalist: 0.25,
                    neutral: 0.25,
                },
            }),
        }
    }

    fn render(format: RecordFormat, labeled: bool, n: usize) -> String {
        let mut writer = RecordWriter::new(Vec::new(), format, labeled);
        for i in 0..n {
            writer.write(&record(i, labeled)).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    #[test]
    fn json_is_one_array_and_jsonl_one_object_per_line() {
        let json: serde_json::Value =
            serde_json::from_str(&render(RecordFormat::Json, true, 2)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 2);
        assert_eq!(json[1]["index"], 1);
        assert_eq!(json[0]["probabilities"]["maximalist"], 0.25);
        assert_eq!(json[0]["label"], "conciliatory");
        assert_eq!(render(RecordFormat::Json, true, 0), "[]\n");
        let jsonl = render(RecordFormat::Jsonl, false, 2);
        let lines: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].get("label").is_none());
        assert_eq!(lines[0]["cue"], "said");
    }

    #[test]
    fn csv_quotes_fields_and_has_a_header() {
        let csv = render(RecordFormat::Csv, true, 1);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().len(), 14);
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "We are \"ready\", to talk");
        assert_eq!(&row[9], "conciliatory");
        assert_eq!(render(RecordFormat::Csv, false, 0).lines().count(), 1);
    }

    #[test]
    fn table_has_a_header_and_one_line_per_record() {
        let table = render(RecordFormat::Table, true, 2);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("#"));
        assert_eq!(lines[1], "== a.txt");
        assert!(lines[2].contains("conciliatory") && lines[2].contains("0.50"));
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("ÉÉÉÉ", 3), "ÉÉ…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
