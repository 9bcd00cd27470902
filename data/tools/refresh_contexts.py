#!/usr/bin/env python3
"""Refresh the "context" of news records to the sentence `stance extract`
gives today, so that training sees the reporting clause as `stance classify`
will at run time.

Usage: refresh_contexts.py [--shared ../shared] STANCE_BINARY data/train.jsonl data/test.jsonl

Earlier extractors ran a wire headline or a web title into the first
sentence ("KUWAIT REJECTS IRANIAN SPY BOAT CHARGES Kuwait, ... today
rejected"), so the headline's words sat in the record's reporting clause; and
some direct quotes' contexts ran on into the next sentence. For every record
of a news or seed document, the document is run through STANCE_BINARY
extract (as title, newline, text, the way check-data reads it); when a
statement with the same text (white space and quote marks folded) is found,
its context replaces the record's. When none is, and the context opens with
the document's title while the text lies after it, only the title is dropped.
Everything else, UN speech sentences included (their context is the
sentence itself), is left as it is. Texts, labels, speakers and ids never
change. Prints what changed; files are rewritten in place, in the same
order, only if a context changed.
"""
import argparse, collections, json, os, re, subprocess, tempfile

from build_corpus import fold, load_sources


def extracted_contexts(binary, docs, sources):
    """Source id -> {folded statement text: context} from `stance extract`."""
    found = collections.defaultdict(dict)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for i, source in enumerate(sorted(sources)):
            path = os.path.join(tmp, f"{i}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(docs[source])
            paths[path] = source
        order = sorted(paths)
        for i in range(0, len(order), 500):
            out = subprocess.run([binary, "extract", "--format", "jsonl", *order[i:i + 500]],
                                 capture_output=True, text=True, check=True).stdout
            for line in out.splitlines():
                r = json.loads(line)
                found[paths[r["article"]]].setdefault(fold(r["text"]), r["context"])
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
    args = ap.parse_args()
    # Title, newline, text: check-data's reading; the title is the first line.
    docs = {k: v for k, v in load_sources(args.shared).items() if not k.startswith("un-general-debate:")}
    files = {}
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            files[path] = [json.loads(line) for line in f if line.strip()]
    sources = {r["source"] for rs in files.values() for r in rs if r["source"] in docs}
    found = extracted_contexts(args.binary, docs, sources)
    counts = collections.Counter()
    for path, records in files.items():
        changed = 0
        for r in records:
            if r["source"] not in docs:
                continue
            new = found[r["source"]].get(fold(r["text"]))
            if new is None:
                title = "" if r["source"].startswith("seed:") else fold(docs[r["source"]].split("\n", 1)[0])
                context = fold(r["context"])
                if title and context.startswith(title + " ") and fold(r["text"]) in context[len(title):]:
                    r["context"] = re.split(r"\s+", r["context"].strip(), maxsplit=len(title.split()))[-1]
                    counts["title dropped"] += 1
                    changed += 1
                else:
                    counts["not extracted today, kept"] += 1
            elif fold(new) != fold(r["context"]):
                r["context"] = new
                counts["refreshed"] += 1
                changed += 1
            else:
                counts["already current"] += 1
        if changed:
            with open(path, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{path}: {changed} contexts changed")
    print(dict(counts))


if __name__ == "__main__":
    main()
