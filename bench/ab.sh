#!/usr/bin/env bash
# Compares digest binaries (or settings) by alternating their cold builds, each into a new
# folder: on a shared machine whose speed drifts 10-20% an hour, only builds run side by side
# tell a change of a few percent. Prints each variant's mean and median wall time and CPU.
#
#   bench/ab.sh ROUNDS VARIANT... e.g.
#   bench/ab.sh 10 /tmp/digest-before .build/release/digest
#   bench/ab.sh 8 .build/release/digest "MIMALLOC_LARGE_OS_PAGES=0 .build/release/digest"
#
# A variant is a binary, optionally after environment settings. Builds bench/out/corpus-N
# (N=10000 unless CORPUS says otherwise; made by bench/speed.sh) with --no-cache into new folders
# under bench/out/ab, which are removed at the end: wait some minutes after that before the next
# measurement (on ext4 without a journal, files made soon after a removal cost more, see README).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1; shift
corpus=bench/out/corpus-${CORPUS:-10000}
[ -d "$corpus/raw" ] || { echo "no $corpus: run bench/speed.sh ${CORPUS:-10000} first"; exit 2; }
out=bench/out/ab; mkdir -p "$out"
log=$(mktemp)
for _ in $(seq "$rounds"); do
    k=0
    for variant in "$@"; do
        k=$((k + 1))
        # shellcheck disable=SC2086
        /usr/bin/time -o "$log.t" -f "%e %U %S" env $variant build --no-cache --quiet --input "$corpus/raw" \
            --output "$out/$k-$RANDOM$RANDOM" --config "$corpus/none.yml" --templates "$corpus/no-theme" 2>/dev/null
        echo "$k $(cat "$log.t")" >> "$log"
    done
done
python3 - "$log" "$@" <<'PY'
import statistics as st, sys
rows = [line.split() for line in open(sys.argv[1])]
for k, name in enumerate(sys.argv[2:], 1):
    runs = [(float(w), float(u), float(s)) for kk, w, u, s in rows if int(kk) == k]
    wall = [r[0] for r in runs]; cpu = [r[1] + r[2] for r in runs]
    print(f"{name}: {len(runs)} builds; wall mean {st.mean(wall):.2f} s, median {st.median(wall):.2f} s; "
          f"CPU mean {st.mean(cpu):.2f} s, median {st.median(cpu):.2f} s (kernel median {st.median(r[2] for r in runs):.2f} s)")
PY
rm -f "$log" "$log.t"
rm -rf "$out"
