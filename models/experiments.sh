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
base="--ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --balance prior --max-iter 25"
chosen="$base --verb-weight 1 --alpha 0.3"
run "chosen settings" $chosen
run "no clause verbs" $base --verb-weight 0 --alpha 0.3
run "clause verbs 0.5" $base --verb-weight 0.5 --alpha 0.3
run "clause verbs 2" $base --verb-weight 2 --alpha 0.3
run "clause verbs, alpha 1" $base --verb-weight 1 --alpha 1
run "no reporting clause" --ngram-max 2 --context-weight 0 --cue-weight 0.5 --char-weight 0.5 --verb-weight 1 --alpha 0.3 --balance prior --max-iter 25
run "no cue lexicon" --ngram-max 2 --context-weight 0.5 --cue-weight 0 --char-weight 0.5 --verb-weight 1 --alpha 0.3 --balance prior --max-iter 25
run "no character n-grams" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0 --verb-weight 1 --alpha 0.3 --balance prior --max-iter 25
run "single words" --ngram-max 1 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --verb-weight 1 --alpha 0.3 --balance prior --max-iter 25
run "no negation marks" $chosen --no-negation
run "alpha 0.1" $base --verb-weight 1 --alpha 0.1
run "balance none" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --verb-weight 1 --alpha 0.3 --balance none --max-iter 25
run "50 iterations" --ngram-max 2 --context-weight 0.5 --cue-weight 0.5 --char-weight 0.5 --verb-weight 1 --alpha 0.3 --balance prior --max-iter 50
