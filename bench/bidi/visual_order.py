#!/usr/bin/env python3
"""Checks in a real browser that left-to-right runs inside Arabic text ('C++', 'G7',
'5+1', English names) display in their own order on every page of a built site.

Usage: bench/bidi/visual_order.py [SITE_FOLDER] [--strip-isolation]
  --strip-isolation  removes the isolation (<bdi dir="ltr">, LRI/PDI) first, to see what it fixes.
Prints each run shown out of order, then 'N passed, N failed' (runs in order, out of order).
Needs headless Chromium (`apt-get install chromium`); exits 0 with a note when it is missing.
"""
import json, os, re, shutil, subprocess, sys, tempfile

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    strip = '--strip-isolation' in sys.argv
    site = os.path.abspath(args[0] if args else 'site')
    browser = shutil.which('chromium') or shutil.which('chromium-browser')
    if not browser:
        print('skipped: no chromium on this machine (apt-get install chromium)')
        return 0
    script = open(os.path.join(os.path.dirname(__file__), 'measure.js'), encoding='utf-8').read()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, 'site')
        shutil.copytree(site, copy)
        pages = sorted(os.path.relpath(os.path.join(d, f), copy)
                       for d, _, fs in os.walk(copy) for f in fs if f.endswith('.html'))
        for page in pages:
            path = os.path.join(copy, page)
            html = open(path, encoding='utf-8').read()
            if strip:
                html = html.replace('<bdi dir="ltr">', '').replace('</bdi>', '').replace('\u2066', '').replace('\u2069', '')
            html = html.replace('</body>', '<script>' + script + '</script></body>')
            open(path, 'w', encoding='utf-8').write(html)
            dom = subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu',
                                  '--window-size=390,900', '--dump-dom', 'file://' + path],
                                 capture_output=True, text=True, timeout=120).stdout
            found = re.search(r'<pre id="bidi-visual-order">(.*?)</pre>', dom, re.S)
            if not found:
                print(f'{page}: the page did not report (script blocked?)')
                failed += 1
                continue
            text = found.group(1).replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"').replace('&amp;', '&')
            for result in json.loads(text):
                if result['ok']:
                    passed += 1
                else:
                    failed += 1
                    print(f"{page}: '{result['run']}' shows as '{result['visual']}'")
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main())
