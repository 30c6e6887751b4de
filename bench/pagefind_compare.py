#!/usr/bin/env python3
"""Compares the digest's own search with Pagefind (PyPI `pagefind-bin`) on the same built
site, for Arabic queries typed the way readers type them (no hamza, ه for ة, without
the article, inflected, with attached clitics).

The articles are real news from the ANT corpus (../shared/corpora/ant, Apache-2.0), written
out in the seeds' raw style and built by digest. Pagefind indexes the same article pages.
What counts as a right answer is decided for each query by a hand-written pattern over the
article's own text (title and body, diacritics and tatweel removed): the surface forms of
the word the reader means, with the clitics and endings Arabic attaches. Neither engine's
code takes part in it.

    python3 bench/pagefind_compare.py --digest .build/release/digest [--articles 1000]
Writes bench/out/pagefind/ (the site) and bench/pagefind-results.md."""
import argparse
import contextlib
import functools
import http.server
import json
import pathlib
import re
import subprocess
import sys
import threading
import time

from browser import chromium

ROOT = pathlib.Path(__file__).resolve().parent.parent
ANT = ROOT.parent / "shared" / "corpora" / "ant"
CATEGORIES = ["internationalNews", "politic"]

DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")
# Attached clitics: a conjunction, a preposition, the article (or ل + article as لل).
PRE = r"(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)"


def forms(stems, suffixes=""):
    ending = f"(?:{suffixes})?" if suffixes else ""
    return re.compile(r"(?<!\w)" + PRE + "(?:" + "|".join(stems) + ")" + ending + r"(?!\w)")


# (as typed, what it tests, patterns that must all occur in a right answer)
QUERIES = [
    ("ليبيا", "clitics on a name (لليبيا، بليبيا، وليبيا)", [forms(["ليبيا"])]),
    ("اسرائيل", "hamza left out (إسرائيل)", [forms(["[اأإ]سرائيل"])]),
    ("مهاجرين", "no article, plural in -ين (المهاجرين، مهاجرون، للمهاجرين)", [forms(["مهاجر"], "ين|ون|ة|ات")]),
    ("انتخابات", "hamza and plural (الانتخابات، والانتخابات، انتخابية)", [forms(["[اإ]نتخاب"], "ات|ي|ية|يه")]),
    ("الارهاب", "hamza left out (الإرهاب، والإرهاب، للإرهاب، إرهابية)", [forms(["[اإ]رهاب"], "ي|ية|يه|يين|يون")]),
    ("سوريا", "clitics on a name (بسوريا، لسوريا، وسوريا)", [forms(["سوريا"])]),
    ("مفاوضات", "plural with clitics (المفاوضات، بالمفاوضات)", [forms(["مفاوض"], "ات|ة|ه")]),
    ("فلسطينيين", "plural typed, any number written (الفلسطينيين، الفلسطينية)", [forms(["فلسطيني"], "ين|ون|ة|ه")]),
    ("٢٠١٦", "Arabic-Indic digits for 2016", [re.compile(r"(?<!\d)(?:2016|٢٠١٦)(?!\d)")]),
    ("اقتصاد", "adjective forms (الاقتصادي، الاقتصادية، واقتصاد)", [forms(["[اإ]قتصاد"], "ي|ية|يه|يا")]),
    ("الامريكي", "hamza left out (الأمريكي، الأمريكية، الأمريكيين)", [forms(["[اأ]مريكي"], "ة|ه|ين|ون")]),
    ("الامم المتحده", "two words, hamza and ta marbuta (الأمم المتحدة)", [forms(["[اأ]مم"]), forms(["متحد"], "ة|ه")]),
    ("وزاره الخارجيه", "two words, ه for ة (وزارة الخارجية)", [forms(["وزار"], "ة|ه|ات"), forms(["خارجي"], "ة|ه")]),
    ("حكومه", "ه typed for ة, no article (الحكومة، حكومة، للحكومة)", [forms(["حكوم"], "ة|ه|ات")]),
    ("لتونس", "clitic typed on a name (تونس، بتونس)", [forms(["تونس"])]),
]


def ant_articles(limit):
    """(slug, title, date, source, paragraphs) from the ANT corpus, deterministic."""
    files = []
    for category in CATEGORIES:
        files += sorted((ANT / category).glob("*.txt"))[: limit // len(CATEGORIES)]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        field = lambda name: (re.search(f"<{name}>(.*?)</{name}>", text, re.S) or [None, ""])[1].strip()
        title, body = field("TITLE"), field("TEXT")
        date = re.match(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})", field("TIME"))
        if not title or not body:
            continue
        paragraphs = [p.strip() for p in body.splitlines() if p.strip()]
        yield path.stem, title, date, field("SRC") or "ANT", paragraphs


def write_corpus(folder, limit):
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for slug, title, date, source, paragraphs in ant_articles(limit):
        when = f"{date[1]} {date[2]}" if date else ""
        raw = f"{title}\n\nالوقت:{when}المصدر: {source}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{slug}.txt").write_text(raw, encoding="utf-8")
        texts[f"articles/{slug}.html"] = DIACRITICS.sub("", title + "\n" + "\n".join(paragraphs))
    return texts


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def ours(driver, site, query):
    driver.get((site / "search.html").as_uri())
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        DigestSearch.ready.then(() => DigestSearch.search(arguments[0])).then((r) =>
          DigestSearch.documents(r.results.map((x) => x.id)).then((docs) => {
            const files = DigestSearch.loadedFiles();
            done({paths: docs.map((d) => d.path), all: r.matchedEvery});
          })).catch((e) => done({error: String(e)}));
    """, query)


def ours_loaded(driver, site, query):
    driver.get((site / "search.html").as_uri())
    files = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        DigestSearch.ready.then(() => DigestSearch.search(arguments[0])).then((r) =>
          DigestSearch.documents(r.results.slice(0, 10).map((x) => x.id))).then(() => done(DigestSearch.loadedFiles()));
    """, query)
    search = site / "search"
    return sum((search / f"{f}.js").stat().st_size for f in files) + sum(
        (search / f).stat().st_size for f in ("index.js", "arabic.js")) + (site / "assets" / "search.js").stat().st_size


def pagefind(driver, origin, query, top=None):
    driver.get(origin + "/search.html")
    return driver.execute_async_script("""
        const [query, top] = [arguments[0], arguments[1]];
        const done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async (pf) => {
          await pf.init();
          const r = await pf.search(query);
          const list = top ? r.results.slice(0, top) : r.results;
          const data = await Promise.all(list.map((x) => x.data()));
          const bytes = performance.getEntriesByType('resource').filter((e) => e.name.includes('/pagefind/'))
            .reduce((sum, e) => sum + (e.encodedBodySize || e.transferSize || 0), 0);
          done({paths: data.map((d) => d.url.replace(/^\\//, '')), total: r.results.length, bytes});
        }).catch((e) => done({error: String(e)}));
    """, query, top)


def size(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--digest", default=str(ROOT / ".build" / "release" / "digest"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "pagefind"))
    parser.add_argument("--results", default=str(ROOT / "bench" / "pagefind-results.md"))
    args = parser.parse_args()
    if not ANT.is_dir():
        print(f"skipped: {ANT} is missing (the comparison needs ../shared/corpora/ant)")
        return
    out = pathlib.Path(args.out).resolve()
    site = out / "site"
    texts = write_corpus(out / "articles", args.articles)
    start = time.time()
    subprocess.run([args.digest, "build", "--input", str(out / "articles"), "--output", str(site),
                    "--config", str(out / "digest.yml")], check=True, stdout=subprocess.DEVNULL)
    digest_seconds = time.time() - start
    start = time.time()
    subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site), "--glob", "articles/**/*.html"],
                   check=True, stdout=subprocess.DEVNULL)
    pagefind_seconds = time.time() - start
    version = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"], capture_output=True, text=True).stdout.strip()

    rows = []
    driver = chromium()
    try:
        with serve(site) as origin:
            for query, what, patterns in QUERIES:
                truth = {path for path, text in texts.items() if all(p.search(text) for p in patterns)}
                a = ours(driver, site, query)
                b = pagefind(driver, origin, query)
                if "error" in a or "error" in b:
                    raise SystemExit(f"{query}: {a.get('error') or b.get('error')}")
                a_loaded = ours_loaded(driver, site, query)
                b_loaded = pagefind(driver, origin, query, top=10)["bytes"]
                rows.append((query, what, truth, set(a["paths"]), set(b["paths"]), a_loaded, b_loaded))
                print(f"{query}: right {len(truth)}, digest {len(a['paths'])}, pagefind {len(b['paths'])}")
    finally:
        driver.quit()

    ours_size, ours_files = size(site / "search")
    ours_size += (site / "assets" / "search.js").stat().st_size
    pf_size, pf_files = size(site / "pagefind")
    write_results(pathlib.Path(args.results), rows, len(texts), (ours_size, ours_files), (pf_size, pf_files),
                  digest_seconds, pagefind_seconds, version)


def pct(n, d):
    return f"{100 * n / d:.0f}%" if d else "–"


def write_results(path, rows, articles, ours_size, pf_size, digest_seconds, pagefind_seconds, version):
    lines = [
        "# digest search vs Pagefind on Arabic queries",
        "",
        f"Written by `bench/pagefind_compare.py` on {articles} real news articles from the ANT corpus",
        f"({', '.join(CATEGORIES)}), built by digest; Pagefind ({version}, PyPI `pagefind-bin`) indexed the same",
        "article pages (`--glob articles/**/*.html`, language from `<html lang=\"ar\">`). A right answer is an",
        "article whose title or body holds the meant word in one of the forms the query's hand-written pattern",
        "lists (clitics, article, endings, hamza forms); found = results returned, right = found ∩ right answers,",
        "recall = right / right answers, precision = right / found. Multi-word queries need every word.",
        "",
        "| query as typed | what it tests | right answers | digest found | digest recall | digest precision | Pagefind found | Pagefind recall | Pagefind precision |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    totals = [0, 0, 0, 0, 0]
    for query, what, truth, a, b, _, _ in rows:
        lines.append(f"| {query} | {what} | {len(truth)} | {len(a)} | {pct(len(a & truth), len(truth))} | {pct(len(a & truth), len(a))} "
                     f"| {len(b)} | {pct(len(b & truth), len(truth))} | {pct(len(b & truth), len(b))} |")
        totals = [totals[0] + len(truth), totals[1] + len(a), totals[2] + len(a & truth), totals[3] + len(b), totals[4] + len(b & truth)]
    lines.append(f"| **all {len(rows)}** | | {totals[0]} | {totals[1]} | {pct(totals[2], totals[0])} | {pct(totals[2], totals[1])} "
                 f"| {totals[3]} | {pct(totals[4], totals[0])} | {pct(totals[4], totals[3])} |")
    loaded_a = sum(r[5] for r in rows) / len(rows)
    loaded_b = sum(r[6] for r in rows) / len(rows)
    lines += [
        "",
        "| | digest | Pagefind |",
        "|---|---:|---:|",
        f"| index on disk | {ours_size[0] / 1024:.0f} KiB in {ours_size[1]} files | {pf_size[0] / 1024:.0f} KiB in {pf_size[1]} files |",
        f"| loaded per query (mean, first 10 results) | {loaded_a / 1024:.0f} KiB | {loaded_b / 1024:.0f} KiB |",
        f"| works opened from disk (file://) | yes (script files) | no (fetch and WebAssembly need a server) |",
        f"| time to build (whole site / index only) | {digest_seconds:.1f} s whole site | {pagefind_seconds:.1f} s index only |",
        "",
        "digest also finds an article by its country and topic tags (a search for اقتصاد finds articles",
        "tagged الاقتصاد والتجارة), which a text-only right answer does not count: part of its lower precision.",
        "Pagefind's sizes are compressed fragments (it gzips its index files) and its loaded bytes are what the",
        "browser received; digest's are the plain script files. Times are wall-clock on a shared 2-core machine.",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
