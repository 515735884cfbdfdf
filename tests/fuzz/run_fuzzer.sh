#!/usr/bin/env bash
# run_fuzzer.sh FUZZER BUILD_FUZZ_DIR SECONDS
#   SECONDS = 0: replay the seeds and the committed regression inputs once (the corpus regression test).
#   SECONDS > 0: fuzz for that long from them, keeping what it finds in BUILD_FUZZ_DIR/corpus/<target>.
# Fails (non-zero) on any crash, sanitizer report, escaped exception, oracle failure or input slower than
# 5 s; the failing input is saved as BUILD_FUZZ_DIR/artifacts/<target>-crash-* (or -timeout-*, -oom-*).
set -euo pipefail
fuzzer="$1"
dir="$2"
seconds="$3"
here="$(cd "$(dirname "$0")" && pwd)"
name="$(basename "$fuzzer")"
target="${name#fuzz_}"
seeds="$dir/seeds/$target"
regressions="$here/regressions/$target"
[ -d "$seeds" ] || { echo "run_fuzzer.sh: no seeds in $seeds (run make_seeds first)" >&2; exit 2; }
mkdir -p "$dir/artifacts" "$dir/corpus/$target"
# Leaks are reported (LeakSanitizer), UB aborts (built with -fno-sanitize-recover), timeouts fail.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:handle_abort=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common=(-timeout=5 -rss_limit_mb=2048 -max_len=32768 -dict="$here/quantcut.dict" -print_final_stats=1
  -artifact_prefix="$dir/artifacts/$target-")
log="$dir/artifacts/$target.log"
if [ "$seconds" = 0 ]; then
  "$fuzzer" "${common[@]}" -runs=0 "$seeds" "$regressions" >"$log" 2>&1 || { cat "$log"; exit 1; }
  echo "$target: replayed $(find "$seeds" "$regressions" -type f | wc -l) files: no finding"
else
  "$fuzzer" "${common[@]}" -max_total_time="$seconds" "$dir/corpus/$target" "$seeds" "$regressions" \
    >"$log" 2>&1 || { tail -n 80 "$log"; exit 1; }
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  echo "$target: $runs executions in ${seconds} s, corpus $(ls "$dir/corpus/$target" | wc -l) files: no finding"
fi
