#!/usr/bin/env bash
# Runs libFuzzer targets (built by `make fuzz`) for FUZZ_SECONDS each and prints TAP, one test per target.
# Usage: test/fuzz/run.sh test/fuzz/fuzz_<name>.fuzz ...
# Each target starts from its checked-in corpus test/fuzz/corpus/<name>/ (read only: new inputs go to a
# temporary directory, kept when FUZZ_CORPUS_OUT names a directory to merge them into later).  A crash leaves
# its input in FUZZ_ARTIFACTS (default: a directory under /tmp) and is printed as a TAP diagnostic.
set -uo pipefail
SECS=${FUZZ_SECONDS:-10}
ART=${FUZZ_ARTIFACTS:-$(mktemp -d /tmp/eco_fuzz_art.XXXXXX)}
mkdir -p "$ART"
echo "1..$#"
i=0; rc=0
for bin in "$@"; do
  i=$((i + 1))
  name=$(basename "$bin" .fuzz); name=${name#fuzz_}
  corpus="test/fuzz/corpus/$name"
  work=${FUZZ_CORPUS_OUT:+$FUZZ_CORPUS_OUT/$name}
  work=${work:-$(mktemp -d /tmp/eco_fuzz_corpus.XXXXXX)}
  mkdir -p "$work"
  log="$ART/$name.log"
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "./$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$ART/$name-" "$work" "$corpus" >"$log" 2>&1
  r=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$r" -eq 0 ]; then
    echo "ok $i - libFuzzer $name: ${runs:-?} inputs in ${SECS}s, no crash, leak or undefined behaviour"
  else
    rc=1
    echo "not ok $i - libFuzzer $name: exit $r (log and crashing input in $ART)"
    grep -E 'ERROR|SUMMARY|property failed|runtime error|Test unit written' "$log" | head -8 | sed 's/^/# /'
    for f in "$ART/$name-"*; do [ -f "$f" ] && echo "# input (hex): $(head -c 200 "$f" | od -An -tx1 | tr -d ' \n')"; done
  fi
  [ -z "${FUZZ_CORPUS_OUT:-}" ] && rm -rf "$work"
done
exit $rc
