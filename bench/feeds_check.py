#!/usr/bin/env python3
"""Parses every Atom feed of a built site with feedparser and checks what a feed reader
relies on: no parse error (bozo), Atom 1.0, Arabic, at most 50 entries, each with a title,
a link, a date and the summary; links absolute under --base-url when given, otherwise
relative links that resolve to files of the site.

    python3 bench/feeds_check.py SITE [--base-url URL]
Prints one line per failing feed and `feeds: N passed, N failed`; exits 1 on a failure."""
import argparse
import pathlib
import sys
import urllib.parse

import feedparser


def check(site, path, base):
    problems = []
    text = path.read_bytes()
    # Without a base URL, a reader resolves links against the feed's own address.
    location = base + path.relative_to(site).as_posix() if base else path.resolve().as_uri()
    parsed = feedparser.parse(text, response_headers={"content-location": location, "content-type": "application/atom+xml"})
    if parsed.bozo:
        problems.append(f"does not parse: {parsed.bozo_exception!r}")
    if parsed.version != "atom10":
        problems.append(f"is {parsed.version or 'no known format'}, not Atom 1.0")
    if parsed.feed.get("language") != "ar":
        problems.append(f"language is {parsed.feed.get('language')!r}, not 'ar'")
    for key in ("id", "title", "updated"):
        if not parsed.feed.get(key):
            problems.append(f"has no feed {key}")
    if len(parsed.entries) > 50:
        problems.append(f"has {len(parsed.entries)} entries, more than 50")
    links = [parsed.feed.get("link", "")] + [link.get("href", "") for link in parsed.feed.get("links", [])]
    for entry in parsed.entries:
        for key in ("id", "title", "link", "updated", "published", "summary"):
            if not entry.get(key):
                problems.append(f"an entry has no {key}: {entry.get('title', '?')}")
        links.append(entry.get("link", ""))
    for link in filter(None, links):
        if base:
            if not link.startswith(base):
                problems.append(f"links to {link}, not under {base}")
            continue
        url = urllib.parse.urlparse(link)
        if url.scheme != "file":
            problems.append(f"link {link} did not resolve to a file URL")
        # urljoin drops the empty host of file:/// URLs: the first folder comes back as the host.
        elif not pathlib.Path(urllib.parse.unquote(("/" + url.netloc if url.netloc not in ("", "localhost") else "") + url.path)).is_file():
            problems.append(f"links to {link}, which is not a file of the site")
    return problems, len(parsed.entries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--base-url")
    args = parser.parse_args()
    site = pathlib.Path(args.site).resolve()
    feeds = sorted(p for p in site.rglob("*.xml") if b"<feed " in p.read_bytes()[:400])
    passed = failed = entries = 0
    for path in feeds:
        problems, count = check(site, path, args.base_url)
        entries += count
        if problems:
            failed += 1
            for problem in problems[:5]:
                print(f"{path.relative_to(site)}: {problem}")
        else:
            passed += 1
    if not feeds:
        print(f"{site}: no Atom feeds found")
        failed += 1
    print(f"{len(feeds)} feeds with {entries} entries parsed by feedparser {feedparser.__version__}")
    print(f"feeds: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
