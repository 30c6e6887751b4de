#!/usr/bin/env bash
# Speed and memory of `digest build` side by side with Hugo, in one run (only ratios from
# one run mean anything on a shared machine).
#
#   bench/speed.sh [N=10000] [RUNS=5]          SCALING=1 adds 1,000 / 10,000 / 50,000 articles
#                                              (SCALING_RUNS=2 runs each after a warm-up: one
#                                              50,000 build's kernel time alone moved 5-9 s
#                                              from run to run); FRESH=0 leaves out the builds
#                                              into new folders
#
# Needs: hugo, hyperfine, /usr/bin/time (Debian packages), python3, ../shared/bench.
# Writes bench/out/ (ignored by git) and prints a Markdown table for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-5}
SHARED=${SHARED:-../shared}
OUT=bench/out
mkdir -p "$OUT"
command -v hugo >/dev/null && command -v hyperfine >/dev/null || {
    echo "needs hugo and hyperfine: apt-get install -y hugo hyperfine"; exit 2; }

# As the README builds it: the runtime linked in (a quicker start, see the README).
swift build -c release -Xswiftc -static-stdlib --product digest >/dev/null
DIGEST=$(swift build -c release -Xswiftc -static-stdlib --show-bin-path)/digest

corpus() {  # corpus N → bench/out/corpus-N
    local dir="$OUT/corpus-$1"
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"
        python3 "$SHARED/bench/gencorpus.py" "$1" "$dir" --seeds seeds
        rm -rf "$dir/hugo-site" && cp -r "$SHARED/bench/hugo-site" "$dir/hugo-site"
        cp -r "$dir/hugo/content" "$dir/hugo-site/content"
        touch "$dir/.done"
    fi
    echo "$dir"
}

digest_build() {  # digest_build DIR → builds DIR/raw into DIR/site-digest
    "$DIGEST" build --quiet --input "$1/raw" --output "$1/site-digest" --config "$1/none.yml" --templates "$1/no-theme"
}

peak_rss_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

dir=$(corpus "$N")
export -f digest_build; export DIGEST
# The cold builds of the loop further down each follow the removal of the site before (the
# benchmark's own `rm -rf`). On a file system that passes over recently freed inodes when it
# makes files (ext4 without a journal), that removal costs both tools kernel time a first build
# into a new folder does not pay. The builds into new folders (and the scaling) come first, each
# into a folder of its own, before anything is removed; the folders are removed at the end.
fresh="$OUT/fresh" removed="$OUT/.removed-at"
# ext4 counts an inode freed in the last 30 s as recent, or in the last 330 s when the block
# that holds it is being written again, as it is while new files are made next to it.
recent=340
if [ -n "$(ls -A "$fresh" 2>/dev/null)" ]; then
    # Folders left by a stopped run: once removed, they would cost the builds below the
    # very kernel time this part leaves out.
    echo "removing $fresh from an earlier run"
    rm -rf "$fresh"; sync; date +%s > "$removed"
fi
if [ -f "$removed" ]; then
    wait=$(( $(cat "$removed") + recent - $(date +%s) ))
    if [ "$wait" -gt 0 ]; then echo "waiting ${wait} s: files were removed less than $recent s ago"; sleep "$wait"; fi
fi
digest_build_new() { "$DIGEST" build --quiet --input "$1/raw" --output "$2/digest-$RANDOM$RANDOM" --config "$1/none.yml" --templates "$1/no-theme"; }
export -f digest_build_new
if [ "${FRESH:-1}" = 1 ]; then
    echo "== $N articles: cold full builds into new folders"
    mkdir -p "$fresh"
    # Hugo's and digest's builds take turns, a round each (a warm-up round first): run all of
    # one tool's builds and then the other's, and the machine's drift (the kernel writing back
    # the earlier builds' files, memory the VM's host takes back) fell on the second tool's.
    # Before each build, as before each scaling build below, the earlier folders are written
    # out and dropped from memory (evict.py): the kernel writing back one tool's 1-2 GB of
    # earlier output took a core from the other's build.
    prepare="rm -rf .digest-cache; python3 bench/evict.py $fresh"
    for round in $(seq 0 "$RUNS"); do
        hyperfine --shell bash --runs 1 --export-json "$OUT/fresh-$N-$round.json" --prepare "$prepare" \
            -n hugo "hugo --quiet --source $dir/hugo-site -d $PWD/$fresh/hugo-\$RANDOM\$RANDOM" \
            -n digest "digest_build_new $dir $fresh" >/dev/null
    done
    python3 - "$OUT" "$N" "$RUNS" <<'PY'
import json, statistics, sys
out, n, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
rounds = [{r["command"]: r for r in json.load(open(f"{out}/fresh-{n}-{k}.json"))["results"]} for k in range(1, runs + 1)]
def summary(name):
    times = [r[name]["times"][0] for r in rounds]
    return {"mean": statistics.mean(times), "stddev": statistics.stdev(times) if len(times) > 1 else 0,
            "user": statistics.mean(r[name]["user"] for r in rounds), "system": statistics.mean(r[name]["system"] for r in rounds),
            "times": times}
h, d = summary("hugo"), summary("digest")
json.dump({"results": [dict(command="hugo", **h), dict(command="digest", **d)]}, open(f"{out}/fresh-{n}.json", "w"))
for name, r in (("hugo", h), ("digest", d)):
    print(f"{name}: {' '.join(f'{t:.2f}' for t in r['times'])} s")
print(f"\n| {n} articles, each build into a new folder ({runs} rounds, each tool's build in turn, after a warm-up round) | wall (mean ± sd) | CPU (user+sys) | of it, kernel (sys) |")
print("|---|---|---|---|")
for name, r in (("Hugo 0.111", h), ("digest, cold full build", d)):
    print(f"| {name} | {r['mean']:.2f} ± {r['stddev']:.2f} s | {r['user'] + r['system']:.2f} s | {r['system']:.2f} s |")
print(f"| ratio digest / Hugo | {d['mean']/h['mean']:.2f} | {(d['user'] + d['system'])/(h['user'] + h['system']):.2f} | |")
PY
fi

if [ "${SCALING:-0}" = 1 ]; then
    echo "== scaling"
    # Each size built as the cold builds above: a warm-up, then each run into a folder of its
    # own, before the loop below removes anything. (Run after that loop, or with each run
    # following the removal of the site before, the 50,000 build paid the kernel for passing
    # over the inodes just freed: 24 to 44 s of its kernel time, a figure of the file system.)
    # The folders kept are written out and dropped from memory before each build (evict.py):
    # kept in memory, the 8 GB of them made the 50,000 build pay for reclaiming it.
    mkdir -p "$fresh"
    for n in 1000 10000 50000; do
        corpus "$n" >/dev/null
        hyperfine --shell bash --warmup 1 --runs "${SCALING_RUNS:-2}" --export-json "$OUT/scaling-$n.json" \
            --prepare "rm -rf .digest-cache; python3 bench/evict.py $fresh $OUT/corpus-*/site-*" \
            -n "$n" "digest_build_new $OUT/corpus-$n $fresh"
        rm -rf .digest-cache
        peak_rss_kb "$DIGEST" build --quiet --input "$OUT/corpus-$n/raw" --output "$fresh/rss-$n" \
            --config "$OUT/corpus-$n/none.yml" --templates "$OUT/corpus-$n/no-theme" > "$OUT/scaling-rss-$n.txt"
    done
    python3 - "$OUT" <<'PY'
import json, sys
sizes = ("1000", "10000", "50000")
r = {k: json.load(open(f"{sys.argv[1]}/scaling-{k}.json"))["results"][0] for k in sizes}
rss = {k: int(open(f"{sys.argv[1]}/scaling-rss-{k}.txt").read().split()[-1]) for k in sizes}
print("\n| articles, each build into a new folder | digest cold build | of it, kernel (sys) | peak RSS |\n|---|---|---|---|")
for k in sizes: print(f"| {int(k):,} | {r[k]['mean']:.2f} s | {r[k]['system']:.2f} s | {rss[k]/1024:.0f} MB |")
print(f"| 50,000 / 10,000 | {r['50000']['mean']/r['10000']['mean']:.2f} | | {rss['50000']/rss['10000']:.2f} |")
PY
fi

# SKIP_COLD=1 reuses the cold builds' results and peak RSS of an earlier run (for the later parts).
if [ "${SKIP_COLD:-0}" = 1 ] && [ -f "$OUT/speed-$N.json" ]; then
    echo "== $N articles: cold full builds from $OUT/speed-$N.json"
else
echo "== $N articles: cold full builds (hyperfine, $RUNS runs after a warm-up)"
hyperfine --shell bash --warmup 1 --runs "$RUNS" --export-json "$OUT/speed-$N.json" \
    --prepare "rm -rf $dir/site-hugo $dir/site-digest $dir/raw/../.digest-cache .digest-cache" \
    -n hugo "hugo --quiet --source $dir/hugo-site -d $PWD/$dir/site-hugo" \
    -n digest "digest_build $dir"

fi
if [ "${SKIP_COLD:-0}" = 1 ] && [ -f "$OUT/rss-$N.txt" ]; then
    read -r hugo_rss digest_rss < "$OUT/rss-$N.txt"
else
    rm -rf "$dir/site-hugo" "$dir/site-digest" .digest-cache
    hugo_rss=$(peak_rss_kb hugo --quiet --source "$dir/hugo-site" -d "$PWD/$dir/site-hugo")
    digest_rss=$(peak_rss_kb "$DIGEST" build --quiet --input "$dir/raw" --output "$dir/site-digest" --config "$dir/none.yml" --templates "$dir/no-theme")
    echo "$hugo_rss $digest_rss" > "$OUT/rss-$N.txt"
fi

echo "== $N articles: rebuilds"
articles=("$dir"/raw/*.txt)  # not `ls | head`: its SIGPIPE fails the script under pipefail
first=$(basename "${articles[0]}")
# The edit: the first article as generated, ending in one of two neutral sentences in turn, so
# each run edits one article against the build before it, and the article does not grow run
# after run (the same sentence appended again and again came to retag it: every page made again).
pristine="$dir/pristine-$first"
[ -f "$pristine" ] || sed '/^وأضاف المتحدث أن التعاون سيتواصل\.$/d' "$dir/raw/$first" > "$pristine"
edit_article() {  # edit_article ARTICLE PRISTINE
    local last
    last=$(tail -n 1 "$1")
    if [ "$last" = 'وأضاف المتحدث أن التعاون سيتواصل.' ]; then
        { cat "$2"; echo 'وأشار البيان إلى أن اللقاء كان مثمرا.'; } > "$1"
    else
        { cat "$2"; echo 'وأضاف المتحدث أن التعاون سيتواصل.'; } > "$1"
    fi
}
export -f edit_article
cp "$pristine" "$dir/raw/$first"
# Two runs of hyperfine: one --prepare would be used for both commands.
hyperfine --shell bash --warmup 1 --runs "$RUNS" --export-json "$OUT/unchanged-$N.json" \
    -n "digest, nothing changed" "digest_build $dir"
hyperfine --shell bash --warmup 1 --runs "$RUNS" --export-json "$OUT/edited-$N.json" \
    --prepare "edit_article $dir/raw/$first $pristine" \
    -n "digest, one article edited" "digest_build $dir"

python3 - "$OUT/speed-$N.json" "$OUT/unchanged-$N.json" "$OUT/edited-$N.json" "$hugo_rss" "$digest_rss" "$N" <<'PY'
import json, sys
speed = json.load(open(sys.argv[1]))["results"]
rebuild = json.load(open(sys.argv[2]))["results"] + json.load(open(sys.argv[3]))["results"]
hugo_rss, digest_rss, n = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
by = {r["command"]: r for r in speed}
h, d = by["hugo"], by["digest"]
def cpu(r): return r["user"] + r["system"]
print(f"\n| {n} articles | wall (mean ± sd) | CPU (user+sys) | of it, kernel (sys) | peak RSS |")
print("|---|---|---|---|---|")
print(f"| Hugo 0.111 | {h['mean']:.2f} ± {h['stddev']:.2f} s | {cpu(h):.2f} s | {h['system']:.2f} s | {hugo_rss/1024:.0f} MB |")
print(f"| digest, cold full build | {d['mean']:.2f} ± {d['stddev']:.2f} s | {cpu(d):.2f} s | {d['system']:.2f} s | {digest_rss/1024:.0f} MB |")
for r in rebuild:
    print(f"| {r['command']} | {r['mean']:.2f} ± {r['stddev']:.2f} s | {cpu(r):.2f} s | {r['system']:.2f} s | |")
print(f"| **ratio digest / Hugo** | **{d['mean']/h['mean']:.2f}** | {cpu(d)/cpu(h):.2f} | | **{digest_rss/hugo_rss:.2f}** |")
edit = [r for r in rebuild if "edited" in r["command"]][0]
print(f"| rebuild after one edit / cold build | {edit['mean']/d['mean']:.3f} | | | |")
PY



rm -rf "$OUT/fresh"; sync; date +%s > "$removed"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
