#!/usr/bin/env python3
"""ROUGE-1 and ROUGE-2 of `digest summarize` on EASC, side by side for every method.

Each article of the corpus (Articles/TopicN/*.txt) has five human extractive summaries
(MTurk/TopicN/*). Every method gets the same budget, a share of the article's words
(30% by default), and the same sentence splitter and tokenizer, those of `digest
summarize`. Scores are taken against each of the five summaries and averaged, then
averaged over articles (macro). Text is compared after Arabic normalization
(diacritics and tatweel dropped; alef forms, alef maqsura, ta marbuta and digits folded),
without stemming or stopword removal.

    python3 bench/rouge_easc.py [--corpus ../shared/corpora/easc-dev] [--ratio 0.3]
                                [--digest .build/debug/digest] [--methods lead,textrank,lexrank,digest]
                                [--half odd|even] [--markdown]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter

HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
FOLD = str.maketrans({
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06f0 + d): str(d) for d in range(10)},
})
WORD = re.compile(r"\w+")


def tokens(text):
    return WORD.findall(HARAKAT.sub("", text).translate(FOLD).lower())


def ngrams(words, n):
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def rouge(system, reference, n):
    """(recall, precision, F1) of the n-grams of system against one reference."""
    sys_grams, ref_grams = ngrams(system, n), ngrams(reference, n)
    overlap = sum((sys_grams & ref_grams).values())
    r = overlap / max(1, sum(ref_grams.values()))
    p = overlap / max(1, sum(sys_grams.values()))
    return r, p, (2 * r * p / (r + p) if r + p else 0.0)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    for encoding in ("utf-8-sig", "cp1256"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


def corpus(root):
    """(article path, [reference texts]) for each topic, in a stable order."""
    items = []
    articles = os.path.join(root, "Articles")
    for topic in sorted(os.listdir(articles), key=lambda t: int(re.sub(r"\D", "", t) or 0)):
        files = sorted(os.listdir(os.path.join(articles, topic)))
        refs_dir = os.path.join(root, "MTurk", topic)
        if len(files) != 1 or not os.path.isdir(refs_dir):
            continue
        refs = [read(os.path.join(refs_dir, r)) for r in sorted(os.listdir(refs_dir))]
        items.append((os.path.join(articles, topic, files[0]), refs))
    return items


def summarize(digest, method, ratio, paths):
    out = subprocess.run([digest, "summarize", "--method", method, "--ratio", str(ratio), *paths],
                         check=True, capture_output=True, text=True).stdout
    by_path = {}
    for line in out.splitlines():
        obj = json.loads(line)
        by_path[obj["path"]] = " ".join(obj["sentences"])
    return by_path


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpora", "easc-dev"))
    parser.add_argument("--ratio", type=float, default=0.3)
    parser.add_argument("--digest", default=None, help="the digest binary (default: .build/release or .build/debug)")
    parser.add_argument("--methods", default="lead,textrank,lexrank,digest")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--half", choices=["odd", "even"],
                        help="only every other article (1st, 3rd, … or 2nd, 4th, …): a check that no knob fits one half")
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"skipped: no corpus at {args.corpus}", file=sys.stderr)
        return 0
    digest = args.digest
    if digest is None:
        for build in ("release", "debug"):
            candidate = os.path.join(root, ".build", build, "digest")
            if os.path.exists(candidate):
                digest = candidate
                break
    if digest is None:
        print("no digest binary: run `swift build` first or pass --digest", file=sys.stderr)
        return 1

    items = corpus(args.corpus)
    if args.half:
        items = items[0 if args.half == "odd" else 1::2]
    paths = [p for p, _ in items]
    rows = []
    for method in args.methods.split(","):
        start = time.time()
        summaries = summarize(digest, method, args.ratio, paths)
        seconds = time.time() - start
        totals = [0.0] * 4  # R1 R, R1 F, R2 R, R2 F
        length = 0
        for path, refs in items:
            system = tokens(summaries.get(path, ""))
            length += len(system)
            scores = [rouge(system, tokens(ref), 1) + rouge(system, tokens(ref), 2) for ref in refs]
            for k, column in enumerate((0, 2, 3, 5)):
                totals[k] += sum(s[column] for s in scores) / len(scores)
        n = len(items)
        rows.append((method, [t / n for t in totals], length / n, seconds))

    ref_words = sum(len(tokens(r)) for _, refs in items for r in refs) / sum(len(refs) for _, refs in items)
    print(f"EASC ({len(items)} articles, 5 references each, {ref_words:.0f} words a reference on average), "
          f"budget {args.ratio:.0%} of each article's words")
    header = ("method", "R-1 R", "R-1 F", "R-2 R", "R-2 F", "words", "seconds")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for method, s, words, seconds in rows:
            print(f"| {method} | " + " | ".join(f"{v:.4f}" for v in s) + f" | {words:.0f} | {seconds:.2f} |")
    else:
        print("%-9s %7s %7s %7s %7s %6s %7s" % header)
        for method, s, words, seconds in rows:
            print("%-9s %7.4f %7.4f %7.4f %7.4f %6.0f %7.2f" % (method, *s, words, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
