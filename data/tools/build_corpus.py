#!/usr/bin/env python3
"""Build data/train.jsonl and data/test.jsonl from hand-labeled statement files.

Usage: build_corpus.py [--shared ../shared] [--seed 13] LABELED.jsonl ...

Each input line is a labeled record (text, label, speaker, context, source,
dispute, kind) written by an annotator after reading the statement against
data/CODEBOOK.md. This script never assigns or changes a label. It only:
  1. drops records whose text is not found in its source document (the same
     folding as ../shared/tools/check-data) and repeated texts (first kept;
     texts labeled differently by two annotators are counted and reported);
  2. for UN speeches, sets "context" to the sentence itself (a sentence of a
     speech has no reporting clause);
  3. keeps every maximalist record (the scarcest label) and sizes the corpus
     so that they are 25.5% of it; conciliatory records are sampled at random
     down to a third of it and neutral ones fill the rest; then drops records
     (neutral first) of any dispute above 7.5% of the corpus;
  4. splits by source document, stratified by label, about 80/20: no document
     is in both files (greedy: documents in seeded random order go to the test
     file while it is short of 20% of some label);
  5. numbers the records ("s00001", ...) in a fixed order and prints the counts
     that data/DATASHEET.md reports.
The same inputs and seed give the same files.
"""
import argparse, collections, glob, json, os, random, re, sys

from split_rule import goes_to_test

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                      "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2014": "-", "\u2013": "-"})
LABELS = ("conciliatory", "maximalist", "neutral")


def fold(s):
    return re.sub(r"\s+", " ", s.translate(FOLD)).strip()


def load_sources(shared):
    docs = {}
    for path in glob.glob(os.path.join(shared, "corpora", "*", "*.jsonl")):
        corpus = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs[f"{corpus}:{d['id']}"] = d.get("title", "") + "\n" + d.get("text", "")
    for path in glob.glob(os.path.join(shared, "seeds", "*.txt")):
        with open(path, encoding="utf-8") as f:
            docs["seed:" + os.path.basename(path)] = f.read()
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), ".."))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = load_sources(args.shared)
    folded_docs = {}
    records, seen, conflicts = [], {}, 0
    dropped = collections.Counter()
    for path in args.inputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                r = json.loads(line)
                text, label, source = r.get("text"), r.get("label"), r.get("source")
                if label not in LABELS or not text or source not in docs:
                    dropped["malformed or unknown source"] += 1
                    continue
                if source not in folded_docs:
                    folded_docs[source] = fold(docs[source])
                if fold(text) not in folded_docs[source]:
                    dropped["text not in source"] += 1
                    continue
                key = fold(text).lower()
                if key in seen:
                    if seen[key] != label:
                        conflicts += 1
                    dropped["repeated text"] += 1
                    continue
                seen[key] = label
                context = r.get("context") or text
                if source.startswith("un-general-debate:"):
                    context = text
                records.append({
                    "text": text,
                    "label": label,
                    # UN speaker names carry honorifics ("Mr. ..."); the
                    # speaker field never holds titles (see data/CODEBOOK.md).
                    "speaker": re.sub(r"^(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+", "", r.get("speaker") or "") or None,
                    "context": context,
                    "source": source,
                    "dispute": re.sub(r"[^a-z0-9]+", "-", (r.get("dispute") or "unknown").lower()).strip("-"),
                    "kind": r.get("kind") or "sentence",
                })
    print(f"read {len(records)} records; dropped {dict(dropped)}; texts labeled differently twice: {conflicts}")

    # 3. Balance. Maximalist statements are the scarcest: keep them all and
    # size the corpus so that they are 25.5% of it; conciliatory keeps a third
    # (at least 25.5%), and neutral the rest, as far as each supply allows.
    counts = collections.Counter(r["label"] for r in records)
    total = min(len(records), int(counts["maximalist"] / 0.255))
    keep = {"maximalist": counts["maximalist"]}
    keep["conciliatory"] = min(counts["conciliatory"], max(int(0.255 * total) + 1, round(total / 3)))
    keep["neutral"] = min(counts["neutral"], total - keep["maximalist"] - keep["conciliatory"])
    keep["conciliatory"] = min(counts["conciliatory"], total - keep["maximalist"] - keep["neutral"])
    drop = set()
    for label in ("conciliatory", "neutral"):
        pool = [r for r in records if r["label"] == label]
        rng.shuffle(pool)
        drop |= {id(r) for r in pool[keep[label]:]}
    records = [r for r in records if id(r) not in drop]
    # Dispute cap, dropping neutral first, then the larger stance class.
    for _ in range(5):
        cap = int(0.075 * len(records))
        by_dispute = collections.defaultdict(list)
        for r in records:
            by_dispute[r["dispute"]].append(r)
        drop = set()
        for dispute, rs in by_dispute.items():
            if len(rs) > cap:
                rng.shuffle(rs)
                rs.sort(key=lambda r: r["label"] != "neutral")
                drop |= {id(r) for r in rs[: len(rs) - cap]}
        if not drop:
            break
        records = [r for r in records if id(r) not in drop]

    # 4. Split by document, stratified.
    by_doc = collections.defaultdict(list)
    for r in records:
        by_doc[r["source"]].append(r)
    doc_ids = sorted(by_doc)
    rng.shuffle(doc_ids)
    totals = collections.Counter(r["label"] for r in records)
    test_counts = collections.Counter()
    test_docs = set()
    for d in doc_ids:
        c = collections.Counter(r["label"] for r in by_doc[d])
        if goes_to_test(test_counts, c, totals):
            test_docs.add(d)
            test_counts.update(c)
    train = [r for r in records if r["source"] not in test_docs]
    test = [r for r in records if r["source"] in test_docs]

    def ordered(rs):
        return sorted(rs, key=lambda r: (r["source"], r["text"]))

    n = 0
    for name, rs in (("train", ordered(train)), ("test", ordered(test))):
        with open(os.path.join(args.out, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in rs:
                n += 1
                out = {"id": f"s{n:05d}", **r}
                f.write(json.dumps(out, ensure_ascii=False) + "\n")

    # 5. Counts for the datasheet.
    every = train + test
    print(f"total {len(every)}: train {len(train)}, test {len(test)}; "
          f"documents {len(by_doc)} (test {len(test_docs)})")
    for name, rs in (("all", every), ("train", train), ("test", test)):
        c = collections.Counter(r["label"] for r in rs)
        print(f"  {name}: " + ", ".join(f"{k} {c[k]} ({c[k] / max(len(rs), 1):.1%})" for k in LABELS))
    corpora = collections.Counter(r["source"].split(":")[0] for r in every)
    print("corpora: " + ", ".join(f"{k} {v}" for k, v in corpora.most_common()))
    for corpus in corpora:
        c = collections.Counter(r["label"] for r in every if r["source"].startswith(corpus + ":"))
        print(f"  {corpus}: " + ", ".join(f"{k} {c[k]}" for k in LABELS))
    disputes = collections.Counter(r["dispute"] for r in every)
    print(f"disputes: {len(disputes)}; largest: " +
          ", ".join(f"{k} {v} ({v / len(every):.1%})" for k, v in disputes.most_common(8)))
    kinds = collections.Counter(r["kind"] for r in every)
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))


if __name__ == "__main__":
    sys.exit(main())
