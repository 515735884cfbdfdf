#!/usr/bin/env bash
# tests/fuzz/run.sh ASAN_BUILD_DIR SECONDS [TARGET...]: the long local run (packaging/build.sh fuzz calls it).
# Writes fresh seeds, then fuzzes each target (default: all) for SECONDS, one after the other, keeping what it
# finds in ASAN_BUILD_DIR/tests/fuzz/corpus/<target> for the next run. Prints executions per target.
set -euo pipefail
build="$1"
seconds="$2"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
fuzz="$build/tests/fuzz"
targets=("$@")
if ((${#targets[@]} == 0)); then
  for binary in "$fuzz"/fuzz_*; do
    [ -x "$binary" ] && [ -f "$binary" ] && targets+=("${binary##*/fuzz_}")
  done
fi
"$fuzz/make_seeds" "$here/../.." "$fuzz/seeds"
for target in "${targets[@]}"; do
  "$here/run_fuzzer.sh" "$fuzz/fuzz_$target" "$fuzz" "$seconds"
done
