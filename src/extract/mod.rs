//! INTERIM stub until the extraction module lands: sentence spans only.
use crate::statement::Statement;

/// Placeholder extractor.
#[derive(Debug, Default)]
pub struct Extractor;

impl Extractor {
    /// Placeholder.
    pub fn new() -> Self {
        Extractor
    }
    /// Placeholder: no statements.
    pub fn extract(&self, _article: &str) -> Vec<Statement> {
        Vec::new()
    }
}

/// Sentence byte ranges by UAX #29.
pub fn sentence_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_sentence_bound_indices()
        .filter_map(|(start, s)| {
            let trimmed = s.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            (!trimmed.trim().is_empty()).then(|| start + lead..start + trimmed.len())
        })
        .collect()
}
