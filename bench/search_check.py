#!/usr/bin/env python3
"""Runs the site's search in headless Chromium, opened from disk (file://), and checks:

1. normalization: the search script gives the keys of Tests/SearchCases/search-keys.json,
   the cases the Swift tests hold ArabicText to (typed forms find written forms,
   different words do not meet, listed keys exactly);
2. parity with the index: for every word of every title and summary in the index, the
   key the script computes is a key the Swift build filed that document under;
3. a query typed into the search box shows ranked results with date and summary, and
   the words found are marked;
4. with --scale-site, the share of the index a query loads (the issue asks at most 1/10
   at 10,000 articles).

    python3 bench/search_check.py SITE [--scale-site SITE10K] [--query WORD]
Prints `search: N passed, N failed` and exits 1 on a failure."""
import argparse
import json
import pathlib
import sys
import time

from browser import chromium

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "Tests" / "SearchCases" / "search-keys.json"
# Queries for the share of the index loaded: single words, phrases, clitic forms.
SCALE_QUERIES = ["كازاخستان", "بالطاقة والتعدين", "التعاون الاقتصادي بين الصين وروسيا", "للاستثمارات",
                 "الرئيس", "اتفاقية", "٢٠٢٤", "وزير الخارجية الياباني"]


class Report:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL", what)
        return ok


def open_search(driver, site, query=None):
    url = (pathlib.Path(site).resolve() / "search.html").as_uri()
    if query:
        url += "?q=" + query
    driver.get(url)
    driver.execute_async_script("const done = arguments[arguments.length - 1]; DigestSearch.ready.then(() => done(true));")


def normalization(driver, report):
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    keys = lambda text: driver.execute_script(
        "return [].concat(...DigestSearch.words(arguments[0]).map(DigestSearch.keys));", text)
    for typed, written, why in cases["match"]:
        report.check(set(keys(typed)) & set(keys(written)), f"match: {typed} does not find {written} ({why})")
    for a, b, why in cases["differ"]:
        report.check(not (set(keys(a)) & set(keys(b))), f"differ: {a} finds {b} ({why})")
    for word, expected in cases["keys"]:
        got = driver.execute_script("return DigestSearch.keys(DigestSearch.normalize(arguments[0]));", word)
        report.check(got == expected, f"keys of {word}: {got}, expected {expected}")


def parity(driver, report):
    """Every title and summary word's key, as the script computes it, lists its document."""
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const M = window.DigestSearchIndex;
        const load = (name) => new Promise((resolve, reject) => {
          const s = document.createElement('script'); s.src = 'search/' + name + '.js';
          s.onload = resolve; s.onerror = reject; document.head.appendChild(s);
        });
        const terms = {}, docs = [];
        let lengths = null;
        const names = ['lengths'];
        for (let i = 0; i < M.termShards; i++) names.push('terms/' + i);
        for (let i = 0; i < M.documentShards; i++) names.push('docs/' + i);
        const previous = window.DigestSearchLoaded;
        window.DigestSearchLoaded = (name, data) => {
          if (name === 'lengths') lengths = data;
          else if (name.startsWith('terms/')) Object.assign(terms, data); else docs.push([+name.slice(5), data]);
        };
        Promise.all(names.map(load)).then(() => {
          window.DigestSearchLoaded = previous;
          const postings = {};
          for (const [key, list] of Object.entries(terms)) {
            postings[key] = new Set(DigestSearch.postings(list, lengths).map((p) => p.doc));
          }
          let words = 0; const missing = [];
          for (const [shard, list] of docs) {
            list.forEach((doc, i) => {
              const id = shard * M.documentsPerShard + i;
              for (const word of DigestSearch.words(doc[0] + ' ' + doc[4])) {
                const keys = DigestSearch.keys(word);
                if (!keys.length || keys[0] !== DigestSearch.stem(word)) continue;
                words++;
                if (!postings[keys[0]] || !postings[keys[0]].has(id)) missing.push(word + ' → ' + keys[0] + ' (doc ' + id + ')');
              }
            });
          }
          done({words, missing: missing.slice(0, 20), missingCount: missing.length, keys: Object.keys(terms).length});
        }).catch((e) => done({error: String(e)}));
    """)
    if "error" in result:
        report.check(False, f"parity: {result['error']}")
        return
    print(f"parity: {result['words']} title and summary words, {result['keys']} index keys, "
          f"{result['missingCount']} where the script's key misses the document")
    report.check(result["words"] > 0 and result["missingCount"] == 0,
                 "parity: the script's keys miss documents the build indexed: " + "; ".join(result["missing"]))


def typed_query(driver, site, report, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    open_search(driver, site)
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(query)
    try:
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    except Exception:
        report.check(False, f"typing {query} showed no results: {driver.find_element(By.ID, 'search-status').text}")
        return
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
    status = driver.find_element(By.ID, "search-status").text
    print(f"typed {query}: {status}; first: {items[0].find_element(By.CSS_SELECTOR, 'h3').text}")
    report.check(all(i.find_elements(By.CSS_SELECTOR, "h3 a") for i in items), "every result links to its article")
    report.check(all(i.find_elements(By.CSS_SELECTOR, ".summary") for i in items), "every result shows a summary")
    report.check(any(i.find_elements(By.CSS_SELECTOR, "time") for i in items), "results show dates")
    report.check(any(i.find_elements(By.CSS_SELECTOR, "mark") for i in items[:5]), "the words found are marked")
    href = items[0].find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    report.check(href.startswith("file://") and pathlib.Path(href[7:].split("?")[0]).is_file(),
                 f"the first result links to a file of the site: {href}")
    # Reloading with ?q= shows the same results: the search can be linked to.
    open_search(driver, site, query)
    again = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
    report.check(len(again) == len(items), f"?q={query} shows the same results ({len(again)} vs {len(items)})")


def share_loaded(driver, site, report, queries):
    site = pathlib.Path(site).resolve()
    search = site / "search"
    total = sum(p.stat().st_size for p in search.rglob("*.js"))
    worst = 0.0
    rows = []
    for query in queries:
        open_search(driver, site)
        found = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            DigestSearch.search(arguments[0]).then((r) =>
              DigestSearch.documents(r.results.slice(0, 10).map((x) => x.id)).then(() => done(r.results.length)));
        """, query)
        files = driver.execute_script("return DigestSearch.loadedFiles();")
        loaded = sum((search / (name + ".js")).stat().st_size for name in files)
        loaded += (search / "index.js").stat().st_size + (search / "arabic.js").stat().st_size
        share = loaded / total
        worst = max(worst, share)
        rows.append((query, found, len(files), loaded, share))
        print(f"  {query}: {found} results, {len(files)} files, {loaded / 1024:.0f} KiB of {total / 1024:.0f} KiB = {share:.1%}")
    documents = json.loads((search / "index.js").read_text(encoding="utf-8").split("=", 1)[1].rstrip().rstrip(";"))["documents"]
    print(f"share of the index loaded at {documents} articles: worst {worst:.1%} over {len(queries)} queries")
    report.check(worst <= 0.10, f"a query loads {worst:.1%} of the index, more than a tenth")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--scale-site")
    parser.add_argument("--query", default="بكازاخستان")
    args = parser.parse_args()
    report = Report()
    driver = chromium()
    try:
        start = time.time()
        open_search(driver, args.site)
        normalization(driver, report)
        parity(driver, report)
        typed_query(driver, args.site, report, args.query)
        if args.scale_site:
            share_loaded(driver, args.scale_site, report, SCALE_QUERIES)
        print(f"search checks took {time.time() - start:.1f} s")
    finally:
        driver.quit()
    print(f"search: {report.passed} passed, {report.failed} failed")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
