//! The `stance` command: a thin layer over the library. It parses flags,
//! calls the library and renders; errors print one line and exit with 2.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use anyhow::Context;
use stance::classify::{Classifier, Segmentation, StatementRecord};
use stance::cv::Grid;
use stance::data::{read_text, LabeledData};
use stance::extract::Extractor;
use stance::model::Balance;
use stance::output::{RecordFormat, RecordWriter};
use stance::pipeline::{CvScore, Input, Pipeline, PipelineParams};
use stance::report::{self, Comparison, EvalOptions, Evaluation};

/// Find statements in news articles and label their stance toward settling
/// the dispute: conciliatory, maximalist or neutral.
#[derive(Parser, Debug)]
#[command(name = "stance", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the statements of articles: quotes and reported speech, with speakers.
    Extract(ExtractArgs),
    /// Label every statement of articles, or one statement given with --statement.
    Classify(ClassifyArgs),
    /// Learn a model from labeled statements and write it.
    Train(TrainArgs),
    /// Measure a model's accuracy on labeled statements, or cross-validate settings.
    Evaluate(EvaluateArgs),
    /// Show a model's training summary and its heaviest terms per label.
    Inspect(InspectArgs),
    /// Show the terms that pushed one statement toward each label.
    Explain(ExplainArgs),
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Plain UTF-8 text files; `-` reads stdin.
    #[arg(required = true)]
    articles: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: RecordFormat,
}

#[derive(Args, Debug)]
struct ClassifyArgs {
    /// Plain UTF-8 text files; `-` reads stdin.
    #[arg(required_unless_present = "statement", conflicts_with = "statement")]
    articles: Vec<PathBuf>,
    /// Label this one statement instead of articles.
    #[arg(long)]
    statement: Option<String>,
    /// Model file (default: the model built into the binary).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Treat every sentence as a statement instead of extracting quotes and reported speech.
    #[arg(long)]
    sentences: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: RecordFormat,
}

#[derive(Args, Debug)]
struct TrainArgs {
    /// Labeled statements: JSONL, or CSV with text and label columns.
    #[arg(long)]
    data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/default.json")]
    out: PathBuf,
    /// Choose the settings not given as flags by stratified K-fold cross-validation.
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// Seed of the cross-validation folds.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    #[command(flatten)]
    settings: SettingFlags,
}

/// Training settings; each one given here is fixed, the others take their
/// defaults (or, with --cv, are chosen by cross-validation).
#[derive(Args, Debug, Clone, Default)]
struct SettingFlags {
    /// L2 penalty (scikit-learn's C is 1/alpha).
    #[arg(long)]
    alpha: Option<f64>,
    /// L-BFGS iterations.
    #[arg(long)]
    max_iter: Option<u64>,
    /// Longest word n-gram (1 to 4).
    #[arg(long)]
    ngram_max: Option<usize>,
    /// Fewest training statements a term must occur in.
    #[arg(long)]
    min_df: Option<usize>,
    /// Largest vocabulary.
    #[arg(long)]
    max_features: Option<usize>,
    /// Weight of the reporting-clause features (0 leaves context out).
    #[arg(long)]
    context_weight: Option<f64>,
    /// Weight of the cue-lexicon features (0 leaves them out).
    #[arg(long)]
    cue_weight: Option<f64>,
    /// Weight of the character 2- to 5-gram features (0 leaves them out).
    #[arg(long)]
    char_weight: Option<f64>,
    /// Weight of the reporting clause's verb features (0 leaves them out).
    #[arg(long)]
    verb_weight: Option<f64>,
    /// Do not mark negation scope (for comparison; marking is the default).
    #[arg(long)]
    no_negation: bool,
    /// How unequal class sizes are handled.
    #[arg(long, value_enum)]
    balance: Option<Balance>,
}

#[derive(Args, Debug)]
struct EvaluateArgs {
    /// Labeled statements: JSONL, or CSV with text and label columns.
    #[arg(long)]
    data: PathBuf,
    /// Model file (default: the model built into the binary).
    #[arg(long, conflicts_with = "cv")]
    model: Option<PathBuf>,
    /// Cross-validate the training settings on --data instead of scoring a model
    /// (stratified K folds, grouped by "source" document).
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// Seed of the cross-validation folds and of the bootstrap.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// A second model to score on the same data, with a paired bootstrap test.
    #[arg(long, value_name = "PATH")]
    compare: Option<PathBuf>,
    /// Output format (default: from the --out extension, else table).
    #[arg(long, value_enum)]
    format: Option<ReportFormatArg>,
    /// Write the report to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingFlags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormatArg {
    Table,
    Json,
    Markdown,
    Html,
}

impl From<ReportFormatArg> for report::Format {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Table => report::Format::Table,
            ReportFormatArg::Json => report::Format::Json,
            ReportFormatArg::Markdown => report::Format::Markdown,
            ReportFormatArg::Html => report::Format::Html,
        }
    }
}

#[derive(Args, Debug)]
struct InspectArgs {
    /// Model file (default: the model built into the binary).
    #[arg(long)]
    model: Option<PathBuf>,
    /// How many terms to show per label.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: TextOrJson,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    /// The statement to explain.
    #[arg(long)]
    statement: String,
    /// The sentence around it, with its reporting clause.
    #[arg(long)]
    context: Option<String>,
    /// Model file (default: the model built into the binary).
    #[arg(long)]
    model: Option<PathBuf>,
    /// How many terms to show each way per label (table format).
    #[arg(long, default_value_t = 8)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: TextOrJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TextOrJson {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("stance: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Classify(args) => classify(args),
        Command::Train(args) => train(args),
        Command::Evaluate(args) => evaluate(args),
        Command::Inspect(args) => inspect(args),
        Command::Explain(args) => explain(args),
    }
}

fn load_model(path: Option<&Path>) -> anyhow::Result<Classifier> {
    Ok(match path {
        Some(path) => Classifier::new(Pipeline::load(path)?),
        None => Classifier::builtin()?,
    })
}

fn display_name(path: &Path) -> String {
    path.display().to_string()
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    let stdout = io::stdout().lock();
    let mut writer = RecordWriter::new(io::BufWriter::new(stdout), args.format, false);
    for path in &args.articles {
        let article = read_text(path)?;
        let name = display_name(path);
        for (index, statement) in extractor.extract(&article).into_iter().enumerate() {
            writer.write(&StatementRecord::found(&name, index, statement))?;
        }
    }
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn classify(args: ClassifyArgs) -> anyhow::Result<ExitCode> {
    let classifier = load_model(args.model.as_deref())?;
    let stdout = io::stdout().lock();
    let mut writer = RecordWriter::new(io::BufWriter::new(stdout), args.format, true);
    if let Some(text) = &args.statement {
        writer.write(&classifier.classify_statement(text))?;
    }
    let segmentation = if args.sentences {
        Segmentation::Sentences
    } else {
        Segmentation::Statements
    };
    for path in &args.articles {
        let article = read_text(path)?;
        for record in classifier.classify_article(&display_name(path), &article, segmentation) {
            writer.write(&record)?;
        }
    }
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}

impl SettingFlags {
    /// The cross-validation grid: every setting given as a flag is fixed.
    fn grid(&self) -> Grid {
        let mut grid = Grid::default();
        if let Some(v) = self.alpha {
            grid.alpha = vec![v];
        }
        if let Some(v) = self.ngram_max {
            grid.ngram_max = vec![v];
        }
        if let Some(v) = self.context_weight {
            grid.context_weight = vec![v];
        }
        if let Some(v) = self.cue_weight {
            grid.cue_weight = vec![v];
        }
        if let Some(v) = self.char_weight {
            grid.char_weight = vec![v];
        }
        if let Some(v) = self.verb_weight {
            grid.verb_weight = vec![v];
        }
        if let Some(v) = self.balance {
            grid.balance = vec![v];
        }
        grid
    }

    /// The defaults with every given flag applied.
    fn apply(&self, mut params: PipelineParams) -> PipelineParams {
        if let Some(v) = self.alpha {
            params.model = params.model.alpha(v);
        }
        if let Some(v) = self.max_iter {
            params.model = params.model.max_iterations(v);
        }
        if let Some(v) = self.balance {
            params.model = params.model.balance(v);
        }
        if let Some(v) = self.ngram_max {
            params.analyzer = params.analyzer.ngram_max(v);
        }
        if self.no_negation {
            params.analyzer = params.analyzer.negation(false);
        }
        if let Some(v) = self.min_df {
            params.features = params.features.min_df(v);
        }
        if let Some(v) = self.max_features {
            params.features = params.features.max_features(v);
        }
        if let Some(v) = self.context_weight {
            params.context_weight = v;
        }
        if let Some(v) = self.cue_weight {
            params.cue_weight = v;
        }
        if let Some(v) = self.char_weight {
            params.char_weight = v;
        }
        if let Some(v) = self.verb_weight {
            params.verb_weight = v;
        }
        params
    }
}

fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let data = LabeledData::read(&args.data)?;
    let mut out = io::stdout().lock();
    let base = args.settings.apply(PipelineParams::default());
    let (params, cv) = match args.cv {
        None => (base, None),
        Some(k) => {
            let grid = args.settings.grid();
            writeln!(
                out,
                "cross-validating {} settings with {k} folds (seed {}) on {} statements",
                grid.settings(&base).len(),
                args.seed,
                data.statements.len()
            )?;
            writeln!(
                out,
                "{:<88} {:>16} {:>16}",
                "setting", "macro-F1 (sd)", "accuracy (sd)"
            )?;
            let (trials, best) =
                stance::cv::search(&base, &grid, &data.statements, k, args.seed, |t| {
                    let _ = writeln!(
                        out,
                        "{:<88} {:>7.4} ({:.4}) {:>7.4} ({:.4})",
                        describe(&t.params),
                        t.summary.macro_f1_mean,
                        t.summary.macro_f1_sd,
                        t.summary.accuracy_mean,
                        t.summary.accuracy_sd
                    );
                    let _ = out.flush();
                })?;
            let chosen = &trials[best];
            writeln!(
                out,
                "chosen: {}  (macro-F1 {:.4} +/- {:.4})",
                describe(&chosen.params),
                chosen.summary.macro_f1_mean,
                chosen.summary.macro_f1_sd
            )?;
            let score = CvScore {
                folds: k,
                macro_f1_mean: chosen.summary.macro_f1_mean,
                macro_f1_sd: chosen.summary.macro_f1_sd,
            };
            (chosen.params.clone(), Some(score))
        }
    };
    let pipeline = Pipeline::fit(&params, &data, cv)?;
    pipeline.save(&args.out)?;
    writeln!(
        out,
        "trained on {} statements of {} ({}); model written to {}",
        data.statements.len(),
        args.data.display(),
        describe(&params),
        args.out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One line naming the settings that cross-validation chooses among.
fn describe(params: &PipelineParams) -> String {
    format!(
        "ngram_max={} context_weight={} cue_weight={} char_weight={} verb_weight={} balance={} alpha={}",
        params.analyzer.get_ngram_max(),
        params.context_weight,
        params.cue_weight,
        params.char_weight,
        params.verb_weight,
        params.model.get_balance().as_str(),
        params.model.get_alpha()
    )
}

fn evaluate(args: EvaluateArgs) -> anyhow::Result<ExitCode> {
    let data = LabeledData::read(&args.data)?;
    let options = EvalOptions {
        seed: args.seed,
        ..EvalOptions::default()
    };
    let (scored, cv, model_name) = match args.cv {
        Some(k) => {
            let params = args.settings.apply(PipelineParams::default());
            let cv = stance::cv::cross_validate(&params, &data.statements, k, args.seed)?;
            let name = format!("cross-validation ({k} folds): {}", describe(&params));
            (cv.scored(&data.statements), Some(cv.summary), name)
        }
        None => {
            let classifier = load_model(args.model.as_deref())?;
            let name = model_name(args.model.as_deref());
            (classifier.pipeline().score(&data.statements), None, name)
        }
    };
    let sources: Vec<Option<&str>> = data
        .statements
        .iter()
        .map(|s| s.source.as_deref())
        .collect();
    let mut evaluation = Evaluation::from_scored(&scored, &options)?
        .with_model(model_name)
        .with_data(args.data.display().to_string())
        .with_sources(&scored, &sources)?;
    if let Some(cv) = cv {
        evaluation = evaluation.with_cv(cv);
    }
    if let Some(path) = &args.compare {
        let other = Pipeline::load(path)?.score(&data.statements);
        let comparison =
            Comparison::from_scored(path.display().to_string(), &scored, &other, &options)?;
        evaluation = evaluation.with_compare(comparison);
    }
    let format = args
        .format
        .map(report::Format::from)
        .or_else(|| args.out.as_deref().and_then(report::Format::from_extension))
        .unwrap_or(report::Format::Table);
    match &args.out {
        Some(path) => {
            let mut bytes = Vec::new();
            report::render(&evaluation, format, &mut bytes)?;
            std::fs::write(path, bytes).with_context(|| format!("{}", path.display()))?;
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            report::render(&evaluation, format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn model_name(path: Option<&Path>) -> String {
    path.map_or_else(|| "<built-in>".to_string(), |p| p.display().to_string())
}

fn inspect(args: InspectArgs) -> anyhow::Result<ExitCode> {
    let classifier = load_model(args.model.as_deref())?;
    let inspection = stance::inspect::inspect(classifier.pipeline(), args.top);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        TextOrJson::Table => stance::inspect::write_inspection(&mut out, &inspection)?,
        TextOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &inspection)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let classifier = load_model(args.model.as_deref())?;
    let input = Input {
        text: &args.statement,
        context: args.context.as_deref(),
    };
    let explanation = stance::inspect::explain(classifier.pipeline(), input);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        TextOrJson::Table => stance::inspect::write_explanation(&mut out, &explanation, args.top)?,
        TextOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &explanation)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
