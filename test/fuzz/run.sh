#!/usr/bin/env bash
# Runs libFuzzer targets (built by `make fuzz`) for FUZZ_SECONDS each, FUZZ_JOBS at a time (default 2), and
# prints TAP, one test per target.   Usage: test/fuzz/run.sh test/fuzz/fuzz_<name>.fuzz ...
# Each target starts from its checked-in corpus test/fuzz/corpus/<name>/ (read only: new inputs go to a
# temporary directory, or to FUZZ_CORPUS_OUT/<name>/ when FUZZ_CORPUS_OUT is set, to be merged later).
# A crash leaves its input in FUZZ_ARTIFACTS (default: a new directory under /tmp), printed as a diagnostic.
set -uo pipefail
SECS=${FUZZ_SECONDS:-10}
JOBS=${FUZZ_JOBS:-2}
ART=${FUZZ_ARTIFACTS:-$(mktemp -d /tmp/eco_fuzz_art.XXXXXX)}
mkdir -p "$ART"
res=$(mktemp -d /tmp/eco_fuzz_res.XXXXXX)
trap 'rm -rf "$res"' EXIT

one() { # index binary: writes the TAP line and diagnostics of one target to $res/index
  local i=$1 bin=$2 name work log r runs
  name=$(basename "$bin" .fuzz); name=${name#fuzz_}
  work=${FUZZ_CORPUS_OUT:+$FUZZ_CORPUS_OUT/$name}
  work=${work:-$(mktemp -d /tmp/eco_fuzz_corpus.XXXXXX)}
  mkdir -p "$work"
  log="$ART/$name.log"
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "./$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$ART/$name-" "$work" "test/fuzz/corpus/$name" >"$log" 2>&1
  r=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  {
    if [ "$r" -eq 0 ]; then
      echo "ok $i - libFuzzer $name: ${runs:-?} inputs in ${SECS}s, no crash, leak or undefined behaviour"
    else
      echo "not ok $i - libFuzzer $name: exit $r (log and crashing input in $ART)"
      grep -E 'ERROR|SUMMARY|property failed|runtime error|Test unit written' "$log" | head -8 | sed 's/^/# /'
      for f in "$ART/$name-"*; do [ -f "$f" ] && echo "# input (hex): $(head -c 200 "$f" | od -An -tx1 | tr -d ' \n')"; done
    fi
  } >"$res/$i"
  [ -n "${FUZZ_CORPUS_OUT:-}" ] || rm -rf "$work"
}

echo "1..$#"
i=0
for bin in "$@"; do
  i=$((i + 1))
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
  one "$i" "$bin" &
done
wait
rc=0
for j in $(seq 1 "$i"); do
  if [ -f "$res/$j" ]; then cat "$res/$j"; grep -q '^not ok' "$res/$j" && rc=1
  else echo "not ok $j - libFuzzer target did not report"; rc=1; fi
done
# the logs are kept only when a target failed (or FUZZ_ARTIFACTS names where to keep them)
[ "$rc" -eq 0 ] && [ -z "${FUZZ_ARTIFACTS:-}" ] && rm -rf "$ART"
exit $rc
