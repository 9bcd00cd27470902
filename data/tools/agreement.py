#!/usr/bin/env python3
"""Agreement between two independent labeling passes.

Usage: agreement.py FIRST.jsonl SECOND.tsv

FIRST.jsonl: the corpus records ("id", "label"); SECOND.tsv: lines
"<id>\t<label>" written by a second annotator who did not see the first
labels. Prints n, raw agreement, Cohen's kappa
(kappa = (p_o - p_e) / (1 - p_e), p_e from each pass's own label shares) and
the confusion matrix (rows: first pass, columns: second pass), then the ids
where the passes disagree.
"""
import collections, json, sys

LABELS = ("conciliatory", "maximalist", "neutral")


def main(first_path, second_path):
    first = {}
    with open(first_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                first[r["id"]] = r["label"]
    pairs = []
    with open(second_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] in first and parts[1] in LABELS:
                pairs.append((parts[0], first[parts[0]], parts[1]))
    n = len(pairs)
    observed = sum(a == b for _, a, b in pairs) / n
    ca = collections.Counter(a for _, a, _ in pairs)
    cb = collections.Counter(b for _, _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in LABELS) / (n * n)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 0.0
    print(f"n {n}, agreement {observed:.3f}, Cohen's kappa {kappa:.3f}")
    print("first \\ second  " + "  ".join(f"{k:>12}" for k in LABELS))
    for a in LABELS:
        row = [sum(1 for _, x, y in pairs if x == a and y == b) for b in LABELS]
        print(f"{a:>14}  " + "  ".join(f"{v:>12}" for v in row))
    for id_, a, b in pairs:
        if a != b:
            print(f"disagree\t{id_}\t{a}\t{b}")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
