#!/usr/bin/env python3
"""Content quality on real articles: titles and dates recovered from scraped-looking text.

Takes the articles of ../shared/corpora/ant/ (TREC-style files with <TITLE>, <TIME>, <TEXT>),
writes each out as a scraper leaves it -- the headline line, a date line in one of the forms
news sites use (chosen deterministically from the article's number), the body -- runs
`digest inspect` on them and reports the share of titles and dates that come back exact.

    python3 bench/content_eval.py [--digest .build/debug/digest] [--corpus ../shared/corpora/ant]
                                  [--limit N] [--show-misses 10]

A date is exact when the day matches <TIME> and, where the written form carries a time of
day, the time matches too. A title is exact when it equals <TITLE> with runs of spaces
collapsed, composed (NFC) and without zero-width and bidi controls (digest removes those as
noise when it decodes a file). Articles without a title or a body are left out (counted in the report).
Exits 0 when the corpus is missing (CI without ../shared), printing why.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
MAGHREBI = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
ENGLISH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AGENCIES = ["وات", "رويترز", "أ ف ب", "الأناضول", "شينخوا"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ordinal(day):
    return "%d%s" % (day, "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th"))


def date_line(form, when, has_time, lead):
    """The date as a scraper leaves it, and the lead (changed when the date is a dateline).
    Returns (header_line or None, lead, time_written)."""
    d, m, y = when.day, when.month, when.year
    hm = "%02d:%02d" % (when.hour, when.minute)
    hms = hm + ":%02d" % when.second
    t = has_time
    agency = AGENCIES[(d + m) % len(AGENCIES)]
    if form == 0:  # 'Write: 2024-04-23 15:48:47Update: …' (Korean broadcaster's layout)
        return ("Write: %04d-%02d-%02d %s" % (y, m, d, hms if t else "")).rstrip(), lead, t
    if form == 1:  # 'الوقت:2022-06-08 09:37:57المصدر: شينخوا' (label glued to the source label)
        return "الوقت:%04d-%02d-%02d%sالمصدر: %s" % (y, m, d, " " + hms if t else "", agency), lead, t
    if form == 2:  # 'تاريخ النشر: 17th, November 2023 GMT'
        return "تاريخ النشر: %s, %s %d GMT" % (ordinal(d), ENGLISH[m - 1], y), lead, False
    if form == 3:  # dateline in the lead: 'تونس 7 جوان 2017 (وات) …'
        return None, "تونس %d %s %d (%s) %s" % (d, MAGHREBI[m - 1], y, agency, lead), False
    if form == 4:  # Levantine month with a time: 'نشر في 21 كانون الثاني 2017 - 16:19'
        return "نشر في %d %s %d%s" % (d, LEVANTINE[m - 1], y, " - " + hm if t else ""), lead, t
    if form == 5:  # unlabeled, weekday and Maghrebi month: 'السبت 21 جانفي 2017'
        return "%s %d %s %d" % (WEEKDAYS[when.weekday()], d, MAGHREBI[m - 1], y), lead, False
    if form == 6:  # Arabic-Indic digits, Egyptian month: 'تاريخ النشر: ٢١ يناير ٢٠١٧ - ١٦:١٩'
        text = "تاريخ النشر: %d %s %d%s" % (d, EGYPTIAN[m - 1], y, " - " + hm if t else "")
        return text.translate(ARABIC_INDIC), lead, t
    if form == 7:  # English, 12-hour clock: 'Published: January 21, 2017 4:19 PM'
        clock = " %d:%02d %s" % ((when.hour % 12) or 12, when.minute, "PM" if when.hour >= 12 else "AM") if t else ""
        return "Published: %s %d, %d%s" % (ENGLISH[m - 1], d, y, clock), lead, t
    if form == 8:  # ISO with a label: 'التاريخ: 2017-01-21 16:19'
        return "التاريخ: %04d-%02d-%02d%s" % (y, m, d, " " + hm if t else ""), lead, t
    # form 9: DD/MM/YYYY, with the time after it: '21/01/2017 16:19'
    return "%02d/%02d/%04d%s" % (d, m, y, " " + hm if t else ""), lead, t


FORMS = 10

# --noisy: page furniture a scraper copies around the story, added deterministically.
CATEGORY = {"culture": "ثقافة", "diverse": "متفرقات", "economy": "اقتصاد", "internationalNews": "دولية",
            "localNews": "وطنية", "politic": "سياسة", "society": "مجتمع", "sport": "رياضة", "technology": "تكنولوجيا"}
NAVIGATION = ["الذهاب إلى القائمة الذهاب إلى النص", "Go Top", "الرئيسية > أخبار"]
CREDITS = ["Photo : Jawhara FM", "الصورة: أرشيف", "صورة أرشيفية"]
FOOTERS = ["رابط المصدر", "كلمات دلالية: تونس الحكومة البرلمان", "شارك", "تابعونا على فيسبوك",
           "يستخدم موقعنا الكوكيز لتحسين الخدمة. مواصلة استخدام الموقع تعني أنك موافق."]
MARKERS = ["إقرأ أيضاً:", "اقرأ أيضا", "مواضيع ذات صلة", "اقرأ المزيد :"]


def noisy(lines, header_count, h, category, other):
    """lines = [title, (date line), body...]; returns lines with furniture and the noise added."""
    title, rest = lines[0], lines[1:]
    top = []
    if h % 3 == 0:
        top.append(NAVIGATION[h % len(NAVIGATION)])
    if h % 4 in (0, 1):
        top.append(CATEGORY.get(category, "أخبار"))
    header, body = rest[:header_count], rest[header_count:]
    if h % 5 in (0, 2):
        header = header + [title]  # the page repeats its headline under the date
    if h % 7 in (1, 3, 5):
        header = header + [CREDITS[h % len(CREDITS)]]
    tail = [FOOTERS[h % len(FOOTERS)]]
    if other and h % 2 == 0:
        tail += [MARKERS[h % len(MARKERS)], other[0], other[1]]
    noise = top + [CREDITS[h % len(CREDITS)]] + tail[:1] + (other or [])
    return top + [title] + header + body + tail, noise


def parse_time(text):
    text = text.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):?(\d{2}):?(\d{2})", text)
    if m:
        return datetime.datetime(*map(int, m.groups())), True
    m = re.match(r"(\d{2})/(\d{2})/(\d{4})$", text)
    if m:
        return datetime.datetime(int(m.group(3)), int(m.group(2)), int(m.group(1))), False
    return None, False


def tag(doc, name):
    m = re.search(r"<%s>(.*?)</%s>" % (name, name), doc, re.S)
    return m.group(1) if m else ""


# Invisible characters the decoder removes as noise (zero-width, bidi controls).
INVISIBLE = dict.fromkeys([0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                           0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x061C, 0x00AD, 0x2060])


def collapse(text):
    """Spaces collapsed, composed (NFC) and without invisible bidi noise, as digest reads text."""
    return " ".join(unicodedata.normalize("NFC", text).translate(INVISIBLE).split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--digest", default=os.path.join(ROOT, ".build", "debug", "digest"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "ant"))
    ap.add_argument("--limit", type=int, default=0, help="use every k-th article so that about N are used")
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--noisy", action="store_true",
                    help="add page furniture (navigation, section label, repeated headline, photo credit, "
                         "footer lines, a related-articles marker and another story) and report how much gets through")
    ap.add_argument("--keep", metavar="DIR",
                    help="also write the scraped-looking articles into DIR (a real-text corpus for bench/same_site.sh)")
    args = ap.parse_args()

    if not os.path.isdir(args.corpus):
        print("skipped: no corpus at %s (it comes with ../shared)" % args.corpus)
        return 0
    if not os.path.exists(args.digest):
        print("no digest binary at %s; run `swift build` first" % args.digest, file=sys.stderr)
        return 2

    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(args.corpus) for f in fs if f.endswith(".txt"))
    if args.limit and len(files) > args.limit:
        step = len(files) / args.limit
        files = [files[int(i * step)] for i in range(args.limit)]

    expected = {}
    noise_of = {}
    skipped = 0
    previous = None  # the article before, as the "related" story after an end marker
    with tempfile.TemporaryDirectory(prefix="content-eval-") as tmp:
        paths = []
        for n, path in enumerate(files):
            with open(path, encoding="utf-8", errors="replace") as f:
                doc = f.read()
            title = collapse(tag(doc, "TITLE"))
            body = [collapse(line) for line in tag(doc, "TEXT").split("\n") if line.strip()]
            when, has_time = parse_time(tag(doc, "TIME"))
            if not title or not body or when is None:
                skipped += 1
                continue
            name = os.path.basename(path)
            form = int(hashlib.sha1(name.encode()).hexdigest(), 16) % FORMS
            header, lead, time_written = date_line(form, when, has_time, body[0])
            lines = [title] + ([header] if header else []) + [lead] + body[1:]
            h = int(hashlib.sha1(name.encode()).hexdigest()[8:16], 16)
            if args.noisy:
                category = os.path.basename(os.path.dirname(path))
                lines, noise_of[name] = noisy(lines, 1 if header else 0, h, category, previous)
            previous = [title, body[0]] if len(body[0].split()) >= 12 else None
            out = os.path.join(tmp, name)
            with open(out, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                with open(os.path.join(args.keep, name), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n")
            want = when.strftime("%Y-%m-%dT%H:%M:%S") if time_written else when.strftime("%Y-%m-%d")
            expected[name] = (title, want, form, header or lead[:60], body[0])
            paths.append(out)

        results = {}
        for i in range(0, len(paths), args.batch):
            run = subprocess.run([args.digest, "inspect", "--config", os.path.join(tmp, "none.yml")] + paths[i:i + args.batch],
                                 capture_output=True, text=True)
            for line in run.stdout.splitlines():
                if line.startswith("{"):
                    item = json.loads(line)
                    results[os.path.basename(item["path"])] = item

    total = len(expected)
    titles = dates = 0
    by_form = {}
    misses = []
    clean = leads = 0
    for name, (title, want, form, header, first) in sorted(expected.items()):
        got = results.get(name, {})
        if args.noisy:
            shown = [got.get("title") or ""] + (got.get("paragraphs") or []) + (got.get("summary") or [])
            # Short furniture lines are common words ("سياسة"): only a whole line of it counts.
            clean += not any((n in text if len(n.split()) >= 5 else n == text)
                             for n in noise_of[name] if n != title for text in shown)
            paragraphs = got.get("paragraphs") or [""]
            leads += re.sub(r"\s+", "", paragraphs[0]) == re.sub(r"\s+", "", first)
        t_ok = collapse(got.get("title") or "") == title and not got.get("title_derived")
        d_ok = (got.get("published") or "") == want
        titles += t_ok
        dates += d_ok
        f = by_form.setdefault(form, [0, 0, 0])
        f[0] += 1
        f[1] += t_ok
        f[2] += d_ok
        if not (t_ok and d_ok):
            misses.append((name, title, got.get("title"), want, got.get("published"), header))

    print("articles: %d (left out: %d without title, body or time)" % (total, skipped))
    print("titles exact: %.1f%% (%d)" % (100.0 * titles / max(total, 1), titles))
    print("dates exact:  %.1f%% (%d)" % (100.0 * dates / max(total, 1), dates))
    if args.noisy:
        print("free of furniture and of the related story: %.1f%% (%d)" % (100.0 * clean / max(total, 1), clean))
        print("lead paragraph exact (spaces ignored): %.1f%% (%d)" % (100.0 * leads / max(total, 1), leads))
    for form in sorted(by_form):
        n, t, d = by_form[form]
        print("  form %d: %5d articles, titles %.1f%%, dates %.1f%%" % (form, n, 100.0 * t / n, 100.0 * d / n))
    for miss in misses[:args.show_misses]:
        print("MISS %s\n  title want: %s\n  title got:  %s\n  date want %s got %s\n  line: %s" % miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
