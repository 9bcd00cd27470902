#!/usr/bin/env python3
"""Apply settled labels to the corpus files, in place.

Usage: adjudicate.py ADJUDICATION.jsonl data/train.jsonl data/test.jsonl

ADJUDICATION.jsonl holds one object per statement where the two labeling
passes disagreed: {"id", "source", "text", "first", "second", "final",
"reason"}. "final" is the label settled by reading the statement again
against data/CODEBOOK.md. A record is matched by id and must have the same
source and text (so a rebuilt corpus with other ids is refused, not
silently mislabeled). Prints how many labels changed.
"""
import json, sys


def main(adjudication_path, *corpus_paths):
    settled = {}
    with open(adjudication_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                settled[a["id"]] = a
    changed = 0
    for path in corpus_paths:
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        for r in records:
            a = settled.get(r["id"])
            if a is None:
                continue
            if a["source"] != r["source"] or a["text"] != r["text"]:
                sys.exit(f"{path}: record {r['id']} is not the adjudicated statement; rebuild the adjudication")
            if r["label"] != a["final"]:
                r["label"] = a["final"]
                changed += 1
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(settled)} adjudicated statements, {changed} labels changed")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
