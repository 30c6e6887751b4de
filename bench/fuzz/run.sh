#!/usr/bin/env bash
# Builds the libFuzzer target bench/fuzz/FuzzContent.swift against a fuzzer-instrumented
# DigestKit (its own build folder, .build-fuzz) and runs it for a fixed time.
#   bench/fuzz/run.sh [SECONDS]      default 60
# Exits 1 when libFuzzer finds a crash; the input is left in .build-fuzz/crash-*: copy it to
# Tests/DigestKitTests/Fixtures/Safety/regressions/ so FuzzRegressionTests replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=.build-fuzz
bin=$build/debug

swift build --build-path "$build" --sanitize=fuzzer --target DigestKit 2>&1 | grep -E "error|Compiling|Build" | tail -3
yams_map=$(find "$build/checkouts/Yams/Sources/CYaml" -name module.modulemap | head -1)
objects=$(ls "$bin"/ArabicText.build/*.o "$bin"/DigestKit.build/*.o "$bin"/Mustache.build/*.o "$bin"/Yams.build/*.o "$bin"/CYaml.build/src/*.o)
# shellcheck disable=SC2086
swiftc -sanitize=fuzzer -parse-as-library -I "$bin/Modules" \
    -Xcc -fmodule-map-file=Sources/Ccmark/module.modulemap -Xcc -fmodule-map-file="$yams_map" \
    bench/fuzz/FuzzContent.swift $objects -lcmark -o "$build/fuzz-content" 2>&1 | grep -v warning || true

corpus=$build/corpus
mkdir -p "$corpus"
cp seeds/*.txt seeds/*.md Tests/DigestKitTests/Fixtures/Safety/regressions/* "$corpus"/ 2>/dev/null || true
find Tests/DigestKitTests/Fixtures/Safety/hostile -type f -exec cp {} "$corpus"/ \;
echo "fuzzing the Content stage and Markdown for ${seconds} s"
"$build/fuzz-content" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$build/crash-" -print_final_stats=1 "$corpus" 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done" || true
if ls "$build"/crash-* "$build"/timeout-* "$build"/oom-* >/dev/null 2>&1; then
    echo "fuzz: 0 passed, 1 failed (inputs in $build/: crash-*, timeout-*, oom-*)"
    exit 1
fi
echo "fuzz: 1 passed, 0 failed"
