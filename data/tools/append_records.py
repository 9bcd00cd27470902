#!/usr/bin/env python3
"""Append newly labeled records to the corpus files without renumbering it.

Usage: append_records.py [--seed 13] NEW.jsonl data/train.jsonl data/test.jsonl

NEW.jsonl holds labeled records (text, label, speaker, context, source,
dispute, kind) in a fixed order. Each new record gets the next free id
("s04679", ...), in the order of NEW.jsonl, and goes to the file that already
holds its source document; records of documents in neither file go, document
by document in seeded random order, to the test file while it is short of 20%
of some label (the greedy rule of build_corpus.py), else to train. So no
document is ever in both files. Texts already in the corpus are refused.
No label is assigned or changed here.
"""
import argparse, collections, json, random, re, sys

from split_rule import goes_to_test


def key(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("new")
    ap.add_argument("train")
    ap.add_argument("test")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    load = lambda p: [json.loads(line) for line in open(p, encoding="utf-8") if line.strip()]
    train, test, new = load(args.train), load(args.test), load(args.new)
    every = train + test
    texts = {key(r["text"]) for r in every}
    next_id = max(int(r["id"][1:]) for r in every) + 1
    train_docs = {r["source"] for r in train}
    test_docs = {r["source"] for r in test}
    added = []
    for r in new:
        if key(r["text"]) in texts:
            sys.exit(f"{args.new}: text already in the corpus: {r['text'][:60]}")
        texts.add(key(r["text"]))
        added.append({"id": f"s{next_id:05d}", **{k: r.get(k) for k in
                      ("text", "label", "speaker", "context", "source", "dispute", "kind")}})
        next_id += 1
    by_doc = collections.defaultdict(list)
    for r in added:
        by_doc[r["source"]].append(r)
    totals = collections.Counter(r["label"] for r in every + added)
    test_counts = collections.Counter(r["label"] for r in test)
    for d in by_doc:
        if d in test_docs:
            test_counts.update(r["label"] for r in by_doc[d])
    rng = random.Random(args.seed)
    fresh = sorted(d for d in by_doc if d not in train_docs and d not in test_docs)
    rng.shuffle(fresh)
    to_test = set(d for d in by_doc if d in test_docs)
    for d in fresh:
        c = collections.Counter(r["label"] for r in by_doc[d])
        if goes_to_test(test_counts, c, totals):
            to_test.add(d)
            test_counts.update(c)
    for r in added:
        (test if r["source"] in to_test else train).append(r)
    for path, rs in ((args.train, train), (args.test, test)):
        with open(path, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_test = sum(1 for r in added if r["source"] in to_test)
    print(f"appended {len(added)} records (train {len(added) - n_test}, test {n_test}); "
          f"train {len(train)}, test {len(test)}")


if __name__ == "__main__":
    sys.exit(main())
