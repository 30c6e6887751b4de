#!/usr/bin/env bash
# Checks that two digest binaries build byte-identical sites from the same content: the
# guard for speed work, which must change how fast pages are made, never what is on them.
#
#   bench/same_site.sh OLD_BINARY NEW_BINARY CONTENT_DIR...
#
# A real-text content folder: python3 bench/content_eval.py --limit 2000 --noisy --keep DIR
set -euo pipefail
old=$1 new=$2; shift 2
status=0
for content in "$@"; do
    work=$(mktemp -d)
    for which in old new; do
        bin=${!which}
        "$bin" build --quiet --no-cache --input "$content" --output "$work/$which" \
            --config "$work/none.yml" --templates "$work/no-theme" --base-url https://digest.example/ 2>"$work/$which.log" || true
    done
    if diff -r -q "$work/old" "$work/new" >"$work/diff" && diff -q "$work/old.log" "$work/new.log" >/dev/null; then
        echo "same: $content ($(find "$work/new" -type f | wc -l) files)"
    else
        echo "DIFFERENT: $content"; head -20 "$work/diff"; diff "$work/old.log" "$work/new.log" | head -5
        status=1
    fi
    rm -rf "$work"
done
exit $status
