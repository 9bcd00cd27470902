#!/usr/bin/env bash
# Feature and training experiments behind the built-in model's settings.
# Each line: 5-fold cross-validation on data/train.jsonl (stratified, grouped by
# source document, seed 42), printed as a Markdown table row with the mean and
# sd of macro-F1 and accuracy. Usage: models/experiments.sh [DATA]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-data/train.jsonl}
cargo build --release --quiet
run() {
  local name=$1; shift
  ./target/release/stance evaluate --data "$data" --cv 5 --format json "$@" |
    python3 -c "import json,sys; r=json.load(sys.stdin)['cv']; print(f'| $name | \`$*\` | {r[\"macro_f1_mean\"]:.4f} ± {r[\"macro_f1_sd\"]:.4f} | {r[\"accuracy_mean\"]:.4f} ± {r[\"accuracy_sd\"]:.4f} |')"
}
echo "| experiment | flags | macro-F1 (mean ± sd) | accuracy (mean ± sd) |"
echo "|---|---|---|---|"
base="--alpha 1 --max-iter 50 --balance prior --cue-weight 0"
run "words only, no negation marks" $base --ngram-max 1 --context-weight 0 --no-negation
run "words + negation marks" $base --ngram-max 1 --context-weight 0
run "+ bigrams" $base --ngram-max 2 --context-weight 0
run "+ trigrams" $base --ngram-max 3 --context-weight 0
run "bigrams + reporting clause 0.5" $base --ngram-max 2 --context-weight 0.5
run "bigrams + reporting clause 1.0" $base --ngram-max 2 --context-weight 1
base="--alpha 1 --max-iter 50 --balance prior --ngram-max 2"
run "+ cue lexicon 0.5" $base --context-weight 0.5 --cue-weight 0.5
run "+ cue lexicon 1.0" $base --context-weight 0.5 --cue-weight 1
run "+ cue lexicon 2.0" $base --context-weight 0.5 --cue-weight 2
base="--max-iter 50 --ngram-max 2 --context-weight 0.5 --cue-weight 1"
run "balance none" $base --alpha 1 --balance none
run "balance oversample" $base --alpha 1 --balance oversample
run "alpha 0.3" $base --alpha 0.3 --balance prior
run "alpha 3" $base --alpha 3 --balance prior
run "alpha 10" $base --alpha 10 --balance prior
base="--ngram-max 2 --context-weight 0.5 --cue-weight 1 --alpha 1 --balance prior"
run "25 iterations" $base --max-iter 25
run "100 iterations" $base --max-iter 100
run "min_df 1" $base --min-df 1
run "min_df 3" $base --min-df 3
run "max_features 5000" $base --max-features 5000
