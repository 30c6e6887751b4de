#!/usr/bin/env python3
"""Tagging quality: runs `digest inspect` on a hand-labelled check set of ANT corpus
articles and prints precision, recall and F1 for primary countries, mentioned countries
and topics (micro-averaged over the set).

    swift build
    python3 bench/tagging/evaluate.py                 # the table
    python3 bench/tagging/evaluate.py --errors        # and every article where a tag is off

Labels: bench/tagging/labels.jsonl, one article a line: the corpus file (relative to
../shared/corpora/ant), the countries it is about (`primary`), every country it names
(`mentioned`, through names, nisba adjectives, capitals and seats of power) and its
topics. They were written by reading each article, not from the tagger's output.
The ANT corpus (Chouigui et al., Apache-2.0) is not copied: it is read from ../shared.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ant"


def raw_text(path):
    """An ANT file as a scraped article: headline, date line, the text as one paragraph per blank-separated block."""
    doc = path.read_text(encoding="utf-8")
    title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S).group(1).strip()
    time = re.search(r"<TIME>(.*?)</TIME>", doc, re.S).group(1).strip()
    text = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S).group(1).strip()
    # ANT wraps lines inside sentences: a line break is not a paragraph break.
    body = re.sub(r"\s*\n\s*", " ", text)
    date = ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", time)
    if m:
        date = f"{m[1]}-{m[2]}-{m[3]} {m[4]}:{m[5]}"
    else:
        m = re.match(r"(\d{2})/(\d{2})/(\d{4})", time)
        if m:
            date = f"{m[3]}-{m[2]}-{m[1]}"
    return f"{title}\n{date}\n\n{body}\n"


def scores(pairs):
    tp = sum(len(set(g) & set(p)) for g, p in pairs)
    fp = sum(len(set(p) - set(g)) for g, p in pairs)
    fn = sum(len(set(g) - set(p)) for g, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", default=str(HERE / "labels.jsonl"))
    parser.add_argument("--digest", default=str(ROOT / ".build" / "debug" / "digest"))
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--require", default="",
                        help="floors that fail the run, e.g. primary=0.85,mentioned=0.9,topics=0.65")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is missing (the ANT corpus lives in ../shared)")
        return
    labels = [json.loads(line) for line in open(args.labels, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, label in enumerate(labels):
            out = Path(tmp) / f"{i:03d}.txt"
            out.write_text(raw_text(CORPUS / label["file"]), encoding="utf-8")
            paths.append(str(out))
        result = subprocess.run([args.digest, "inspect", "--config", str(Path(tmp) / "none.yml"), *paths],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"digest inspect failed:\n{result.stderr}")
        outputs = {Path(o["path"]).name: o for o in map(json.loads, result.stdout.splitlines())}
    rows = {"primary": [], "mentioned": [], "topics": []}
    for i, label in enumerate(labels):
        got = outputs.get(f"{i:03d}.txt")
        if got is None:
            sys.exit(f"no output for {label['file']}")
        predicted = {"primary": got["countries"]["primary"], "mentioned": got["countries"]["mentioned"],
                     "topics": got["topics"]}
        for key in rows:
            rows[key].append((label[key], predicted[key]))
            if args.errors and set(label[key]) != set(predicted[key]):
                missing = sorted(set(label[key]) - set(predicted[key]))
                extra = sorted(set(predicted[key]) - set(label[key]))
                print(f"{label['file']}  {key}: missing {missing} extra {extra}")
    print(f"{len(labels)} labelled articles from the ANT corpus (internationalNews, politic)\n")
    print("| tags | precision | recall | F1 | tp | fp | fn |")
    print("|---|---|---|---|---|---|---|")
    f1s = {}
    for key, pairs in rows.items():
        p, r, f, tp, fp, fn = scores(pairs)
        f1s[key] = f
        print(f"| {key} | {p:.3f} | {r:.3f} | {f:.3f} | {tp} | {fp} | {fn} |")
    floors = dict(item.split("=") for item in args.require.split(",") if item)
    below = [f"{key} F1 {f1s[key]:.3f} < {floor}" for key, floor in floors.items() if f1s[key] < float(floor)]
    if below:
        sys.exit("tagging quality fell: " + "; ".join(below))


if __name__ == "__main__":
    main()
