#!/usr/bin/env python3
"""Hostile content never runs: every page of a site built from it, in headless Chromium.

Builds Tests/DigestKitTests/Fixtures/Safety/hostile (script tags, event-handler attributes
and javascript: URLs in scraped text, front matter, commentary and digest.yml) with the
`digest` binary, then opens every HTML page from disk and checks that:

  - no dialog opened (every payload calls alert) and window.__digest_pwned is unset
    (every payload that can sets it);
  - no element has an on* attribute, and no href/src/action/formaction/data/xlink:href/srcdoc
    holds a javascript:, vbscript: or data:text/html URL (after the browser's own parsing);
  - no inline script mentions a payload (the theme's JSON-LD is data, and stays parseable);
  - on the search page, a query that finds the hostile articles shows their titles as text.

Prints one line per page and closes with `hostile pages: N passed, N failed`; exits 1 on any failure.
Needs chromium and chromium-driver (Debian) and pip selenium.
"""
import argparse, json, pathlib, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FIXTURE = ROOT / "Tests/DigestKitTests/Fixtures/Safety/hostile"

SCAN = r"""
const bad = [];
const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc", "background"];
for (const el of document.querySelectorAll("*")) {
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (name.startsWith("on")) bad.push(`<${el.localName}> has the handler ${name}="${attr.value.slice(0, 60)}"`);
    if (urlAttributes.includes(name)) {
      const squeezed = attr.value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (/^(javascript|vbscript):/.test(squeezed) || squeezed.startsWith("data:text/html") || name === "srcdoc")
        bad.push(`<${el.localName}> has ${name}="${attr.value.slice(0, 60)}"`);
    }
  }
}
for (const s of document.querySelectorAll("script:not([src])")) {
  const text = s.textContent;
  if (s.type === "application/ld+json") {
    try { JSON.parse(text); } catch (e) { bad.push("a JSON-LD block does not parse: " + e.message); }
    continue;
  }
  if (/__digest_pwned|alert\(/.test(text)) bad.push("an inline script carries a payload: " + text.slice(0, 80));
}
for (const tag of ["iframe", "object", "embed", "base"]) {
  if (document.querySelector(tag)) bad.push(`the page has a <${tag}> element`);
}
return {bad, pwned: window.__digest_pwned === undefined ? null : String(window.__digest_pwned)};
"""


def dialog(driver):
    """The text of an open dialog (then dismissed), or None."""
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def check_site(binary, config_text, quiet=False):
    """Builds the hostile content with `config_text` as digest.yml; returns (passed, failed) pages."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="digest-hostile-"))
    site = work / "site"
    (work / "digest.yml").write_text(config_text, encoding="utf-8")
    build = subprocess.run([binary, "build", "--input", str(FIXTURE / "seeds"), "--config", str(work / "digest.yml"),
                            "--templates", str(work / "no-theme"), "--output", str(site)], capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stderr[-3000:])
        return 0, 1

    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    passed = failed = 0
    try:
        pages = sorted(site.rglob("*.html"))
        for page in pages:
            problems = []
            driver.get(page.as_uri())
            time.sleep(0.2)  # image errors and SVG loads fire around the load event
            text = dialog(driver)
            if text is not None:
                problems.append(f"a dialog opened: {text!r}")
            try:
                found = driver.execute_script(SCAN)
            except UnexpectedAlertPresentException as e:
                problems.append(f"a dialog opened: {e.alert_text!r}")
                dialog(driver)
                found = driver.execute_script(SCAN)
            problems += found["bad"]
            if found["pwned"] is not None:
                problems.append(f"a script from content ran: __digest_pwned = {found['pwned']!r}")
            name = page.relative_to(site)
            if page.name == "search.html":
                box = driver.find_element(By.ID, "search-input")
                box.send_keys("كازاخستان")
                driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
                time.sleep(1.0)
                text = dialog(driver)
                if text is not None:
                    problems.append(f"a dialog opened after searching: {text!r}")
                after = driver.execute_script(SCAN)
                problems += after["bad"]
                if after["pwned"] is not None:
                    problems.append(f"searching ran a script from content: {after['pwned']!r}")
                results = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
                shown = " ".join(r.text for r in results)
                if "<script>" not in shown and "</title>" not in shown:
                    problems.append(f"the hostile titles are not shown as text in the {len(results)} search results")
            if problems:
                failed += 1
                if not quiet:
                    print(f"FAIL {name}")
                    for p in problems:
                        print(f"     {p}")
            else:
                passed += 1
                if not quiet:
                    print(f"ok   {name}")
    finally:
        driver.quit()
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / ".build/debug/digest"))
    args = parser.parse_args()
    config = (FIXTURE / "digest.yml").read_text(encoding="utf-8")
    passed, failed = check_site(args.binary, config)
    # The check must be able to fail: with raw HTML allowed in Markdown (trusted editors
    # only), the same content does run scripts, and the checker has to see it.
    canary_passed, canary_failed = check_site(args.binary, config + "markdown: {unsafe: true}\n", quiet=True)
    if canary_failed == 0:
        print("FAIL the checker saw nothing on the canary site built with markdown.unsafe, where scripts do run")
        failed += 1
    else:
        print(f"ok   canary: with markdown.unsafe the checker flags {canary_failed} of {canary_passed + canary_failed} pages")
    print(f"hostile pages: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
