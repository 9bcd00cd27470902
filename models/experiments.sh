#!/usr/bin/env bash
# The feature and training experiments recorded in models/README.md.
# Each line: 5-fold cross-validation on data/train.jsonl (stratified, grouped
# by source document, seed 42), printed as a Markdown table row with the mean
# and sd of macro-F1 and accuracy. Usage: models/experiments.sh [DATA]
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
settings="--ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior"
chosen="$settings --max-iter 25"
run "chosen settings" $chosen
run "no negation marks" $chosen --no-negation
run "single words" --ngram-max 1 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "word trigrams" --ngram-max 3 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "no character n-grams" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0 --alpha 1 --balance prior --max-iter 25
run "character n-grams 0.25" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.25 --alpha 1 --balance prior --max-iter 25
run "character n-grams 1.0" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 1 --alpha 1 --balance prior --max-iter 25
run "no reporting clause" --ngram-max 2 --context-weight 0 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "reporting clause 0.25" --ngram-max 2 --context-weight 0.25 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "reporting clause 1.0" --ngram-max 2 --context-weight 1 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "no cue lexicon" --ngram-max 2 --context-weight 0.5 --cue-weight 0 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "cue lexicon 1.0" --ngram-max 2 --context-weight 0.5 --cue-weight 1 --char-weight 0.5 --alpha 1 --balance prior --max-iter 25
run "balance none" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance none --max-iter 25
run "balance oversample" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 1 --balance oversample --max-iter 25
run "alpha 0.3" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 0.3 --balance prior --max-iter 25
run "alpha 3" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --alpha 3 --balance prior --max-iter 25
run "50 iterations" $settings --max-iter 50
run "min_df 3" $chosen --min-df 3
run "max_features 10000" $chosen --max-features 10000
run "max_features 40000" $chosen --max-features 40000
