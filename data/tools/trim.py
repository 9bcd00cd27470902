#!/usr/bin/env python3
"""Restore the label balance after adjudication by dropping neutral records.

Usage: trim.py [--seed 13] [--keep-ids FILE] data/train.jsonl data/test.jsonl

Adjudication can move labels across the corpus's balance floor (at least 25%
maximalist and 25% conciliatory). This script never changes a label or a
text: it drops randomly chosen neutral records (seeded), from each file in
proportion to its size so the split stays about 80/20, until every stance
label is at least 25.5% of the corpus. Records whose id appears in the
--keep-ids file (any text; every "s01234"-like id in it counts — the
codebook's cited examples) are never dropped; the draw depends on that set,
so the set used for the committed files is pinned in
data/agreement/trim_keep_ids.txt. Ids of the
kept records do not change. Prints what it dropped.
"""
import argparse, collections, json, random, re, sys

FLOOR = 0.255


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--keep-ids")
    args = ap.parse_args()
    keep = set()
    if args.keep_ids:
        with open(args.keep_ids, encoding="utf-8") as f:
            keep = set(re.findall(r"\bs\d{5}\b", f.read()))
    files = {}
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            files[path] = [json.loads(line) for line in f if line.strip()]
    every = [r for rs in files.values() for r in rs]
    counts = collections.Counter(r["label"] for r in every)
    scarcest = min(counts["conciliatory"], counts["maximalist"])
    target_total = int(scarcest / FLOOR)
    excess = len(every) - target_total
    if excess <= 0:
        print(f"balance holds ({dict(counts)}); nothing dropped")
        return 0
    if excess > counts["neutral"]:
        sys.exit("not enough neutral records to restore the balance")
    rng = random.Random(args.seed)
    dropped = {}
    for path, rs in files.items():
        share = round(excess * len(rs) / len(every))
        pool = sorted((r for r in rs if r["label"] == "neutral" and r["id"] not in keep),
                      key=lambda r: r["id"])
        rng.shuffle(pool)
        dropped[path] = {r["id"] for r in pool[:share]}
    for path, rs in files.items():
        kept = [r for r in rs if r["id"] not in dropped[path]]
        with open(path, "w", encoding="utf-8") as f:
            for r in kept:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        c = collections.Counter(r["label"] for r in kept)
        print(f"{path}: dropped {len(dropped[path])} neutral, kept {len(kept)} {dict(sorted(c.items()))}")
    total = collections.Counter(r["label"] for path, rs in files.items() for r in rs
                                if r["id"] not in dropped[path])
    n = sum(total.values())
    print(f"corpus {n}: " + ", ".join(f"{k} {v} ({v / n:.1%})" for k, v in sorted(total.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
