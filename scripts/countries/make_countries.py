#!/usr/bin/env python3
"""Writes Sources/DigestKit/Resources/countries.json: the gazetteer.

Every country comes from the Unicode CLDR territory names (Arabic, and English for quoted
foreign passages), read through PyPI's `babel`, which ships CLDR. The hand-curated
additions (spelling variants, official forms, nisba adjectives, capitals and seats of
power, ambiguous forms, regions, context words) are in extras.txt beside this script.

    pip install babel
    python3 scripts/countries/make_countries.py            # writes the resource
    python3 scripts/countries/make_countries.py --check    # fails if the resource is stale

CLDR data: Unicode License v3, https://www.unicode.org/license.txt
"""
import json
import re
import sys
from pathlib import Path

import babel
import babel.core
from babel import Locale

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXTRAS = HERE / "extras.txt"
OUTPUT = ROOT / "Sources" / "DigestKit" / "Resources" / "countries.json"

# CLDR codes that are not countries or territories with an ISO 3166-1 code of their own
# (pseudo-locales, unions, outlying bits that news never names as a country).
NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}

SEPARATOR = re.compile(r"\s*[،,]\s*")


def split_forms(text):
    return [f.strip() for f in SEPARATOR.split(text) if f.strip()]


def cldr_forms(name):
    """A CLDR name and what it holds in brackets as separate forms: ميانمار (بورما)."""
    forms = [name]
    bracket = re.search(r"\(([^)]*)\)", name)
    if bracket:
        forms.append(re.sub(r"\s*\([^)]*\)\s*", " ", name).strip())
        forms.append(bracket.group(1).strip())
    return forms


def nisba_forms(base):
    """Feminine, plural and dual forms of a nisba adjective, bare and definite.

    `كوري جنوبي` gives كورية جنوبية, الكوريين الجنوبيين …: every word ending in ي is
    inflected. With the article, every nisba word takes ال; a leading word that is not a
    nisba (جنوب أفريقي) takes it alone: الجنوب أفريقي.
    """
    words = base.split()
    endings = ["", "ة", "ون", "ين", "ات", "ان", "تان", "تين"]
    is_nisba = [w.endswith("ي") for w in words]
    forms = []
    for ending in endings:
        inflected = [w + ending if n else w for w, n in zip(words, is_nisba)]
        forms.append(" ".join(inflected))
        if is_nisba[0]:
            definite = ["ال" + w if n else w for w, n in zip(inflected, is_nisba)]
        else:
            definite = ["ال" + inflected[0]] + inflected[1:]
        forms.append(" ".join(definite))
    return forms


def read_extras(path):
    per_country = {}
    shared = {"ambiguous": [], "regions": [], "actors": [], "media": [], "breaks": [], "scoring": {}}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, rest = line.partition(":")
        if not sep:
            sys.exit(f"{path}:{number}: error: expected `CODE kind: forms` or `kind: forms`")
        words = head.split()
        if words[0] == "ambiguous":
            nisba = len(words) == 3 and words[1] == "nisba"
            form = words[-1]
            codes = rest.split()
            forms = nisba_forms(form) if nisba else [form]
            for f in forms:
                shared["ambiguous"].append({"form": f, "codes": codes})
        elif words[0] == "scoring" and len(words) == 1:
            for pair in rest.split():
                name, _, value = pair.partition("=")
                shared["scoring"][name] = float(value)
        elif words[0] in ("regions", "actors", "media", "breaks") and len(words) == 1:
            shared[words[0]] += split_forms(rest)
        elif len(words) == 2 and re.fullmatch(r"[A-Z]{2}", words[0]):
            code, kind = words
            entry = per_country.setdefault(code, {})
            if kind == "display":
                entry["display"] = rest.strip()
            elif kind in ("names", "nisba", "plural", "places", "cities", "weak", "latin", "drop"):
                entry.setdefault(kind, []).extend(split_forms(rest))
            else:
                sys.exit(f"{path}:{number}: error: unknown kind `{kind}`")
        else:
            sys.exit(f"{path}:{number}: error: cannot read `{head}`")
    return per_country, shared


def unique(items):
    seen, result = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result


def build():
    arabic = Locale("ar").territories
    english = Locale("en").territories
    extras, shared = read_extras(EXTRAS)
    codes = sorted(c for c in arabic if re.fullmatch(r"[A-Z]{2}", c) and c not in NOT_COUNTRIES)
    unknown = set(extras) - set(codes)
    if unknown:
        sys.exit(f"{EXTRAS}: error: codes not in CLDR: {', '.join(sorted(unknown))}")
    countries = []
    for code in codes:
        extra = extras.get(code, {})
        aliases = cldr_forms(arabic[code]) + extra.get("names", [])
        for base in extra.get("nisba", []):
            aliases += nisba_forms(base)
        aliases += extra.get("plural", []) + extra.get("places", []) + extra.get("cities", [])
        drop = set(extra.get("drop", []))
        aliases = [a for a in unique(aliases) if a not in drop]
        latin = unique(cldr_forms(english[code]) + extra.get("latin", [])) if code in english else extra.get("latin", [])
        entry = {
            "code": code,
            "name": extra.get("display", re.sub(r"\s*\([^)]*\)\s*", " ", arabic[code]).strip()),
            "aliases": aliases,
            "latin": latin,
        }
        if extra.get("weak"):
            entry["weak"] = unique(extra["weak"])
        countries.append(entry)
    # Region names from CLDR itself (numeric codes: أمريكا الجنوبية، شمال أفريقيا …).
    regions = [name for c, name in arabic.items() if c.isdigit()] + shared["regions"]
    return {
        "_comment": "Generated by scripts/countries/make_countries.py from CLDR and scripts/countries/extras.txt; edit those, not this file.",
        "source": f"Unicode CLDR {babel.core.get_cldr_version()} territory names (ar, en) via babel {babel.__version__}",
        "cldr_version": babel.core.get_cldr_version(),
        "licence": "CLDR data: Unicode License v3 (https://www.unicode.org/license.txt). Extras: the digest project.",
        "countries": countries,
        "ambiguous": shared["ambiguous"],
        "regions": unique(regions),
        "actors": unique(shared["actors"]),
        "media": unique(shared["media"]),
        "breaks": unique(shared["breaks"]),
        "scoring": shared["scoring"],
    }


def main():
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.exit(f"{OUTPUT}: stale; run python3 scripts/countries/make_countries.py")
        print(f"{OUTPUT.relative_to(ROOT)} is up to date ({len(data['countries'])} countries)")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['countries'])} countries, "
          f"{sum(len(c['aliases']) for c in data['countries'])} Arabic forms, CLDR {data['cldr_version']}")


if __name__ == "__main__":
    main()
