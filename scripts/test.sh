#!/usr/bin/env bash
# make test: set-up, build, install, then the C unit tests, pg_regress and
# pgTAP against a throwaway cluster. Exits non-zero on any failure and ends
# with one summary line "summary: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
eco_build_locked || exit 1

passed=0; failed=0; rc=0
log=$(mktemp -d /tmp/eco_test.XXXXXX)

# 1. C unit tests of the pure core (no server).
echo "== C unit tests"
make -s unit COPT=-Werror 2>&1 | tee "$log/unit.out"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
u_pass=$(awk '/^# unit:/ {s+=$3} END {print s+0}' "$log/unit.out")
u_fail=$(awk '/^# unit:/ {s+=$5} END {print s+0}' "$log/unit.out")
if [ "$rc" -ne 0 ] && [ "$u_fail" -eq 0 ]; then u_fail=1; fi
passed=$((passed + u_pass)); failed=$((failed + u_fail))

# 1b. The same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer, then the libFuzzer targets over
# the core's text parsers, FUZZ_SECONDS each (test/fuzz/README.md).
echo "== C unit tests under ASan + UBSan"
t_asan=$SECONDS
make -s -j2 unit-asan >"$log/asan.out" 2>&1
r=$?
grep -E '^# unit:|^not ok|runtime error|Sanitizer|SUMMARY' "$log/asan.out"
a_pass=$(awk '/^# unit:/ {s+=$3} END {print s+0}' "$log/asan.out")
a_fail=$(awk '/^# unit:/ {s+=$5} END {print s+0}' "$log/asan.out")
if [ "$r" -ne 0 ]; then rc=1; [ "$a_fail" -gt 0 ] || a_fail=1; tail -20 "$log/asan.out"; fi
passed=$((passed + a_pass)); failed=$((failed + a_fail))
echo "(ASan + UBSan unit tests: $((SECONDS - t_asan)) s with the build)"
echo "== libFuzzer"
t_fuzz=$SECONDS
make -s -j2 fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-10}" 2>&1 | tee "$log/fuzz.out"
r=${PIPESTATUS[0]}
f_pass=$(grep -c '^ok ' "$log/fuzz.out"); f_fail=$(grep -c '^not ok ' "$log/fuzz.out")
if [ "$r" -ne 0 ]; then rc=1; [ "$f_fail" -gt 0 ] || f_fail=1; fi
passed=$((passed + f_pass)); failed=$((failed + f_fail))
echo "(libFuzzer: $((SECONDS - t_fuzz)) s with the build)"

# 2. Throwaway cluster.
eval "$(bash scripts/cluster.sh start)" || { echo "summary: $passed passed, $((failed+1)) failed"; exit 1; }
trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"; rm -rf "$log"' EXIT

# 3. pg_regress.
echo "== pg_regress"
make -s installcheck 2>&1 | tee "$log/regress.out"
r=${PIPESTATUS[0]}
total=$(sed -n 's/.*All \([0-9]*\) tests passed.*/\1/p; s/.* \([0-9]*\) of \([0-9]*\) tests failed.*/\2/p' "$log/regress.out" | head -1)
rf=$(sed -n 's/.* \([0-9]*\) of \([0-9]*\) tests failed.*/\1/p' "$log/regress.out" | head -1)
total=${total:-0}; rf=${rf:-0}
if [ "$r" -ne 0 ]; then
  rc=1; [ "$rf" -gt 0 ] || rf=1
  [ -f regression.diffs ] && head -200 regression.diffs
fi
passed=$((passed + total - rf)); failed=$((failed + rf))

# 4. pgTAP (SQL files) and shell-driven TAP tests (dump/restore, upgrades).
echo "== pgTAP"
createdb eco_tap
psql -X -q -v ON_ERROR_STOP=1 -d eco_tap -c 'CREATE EXTENSION eco_monitor CASCADE; CREATE EXTENSION pgtap;' || rc=1
files=(test/pgtap/*.sql)
shells=(test/shell/*.sh)
[ -e "${shells[0]}" ] || shells=()
# the SQL fuzz driver (TAP): every function of the extension on edge values, 20,000 calls (test/fuzz/README.md)
shells+=(test/fuzz/sql_fuzz.sh)
{ pg_prove -d eco_tap "${files[@]}"; } 2>&1 | tee "$log/tap.out"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
if ((${#shells[@]})); then
  prove -e bash "${shells[@]}" 2>&1 | tee -a "$log/tap.out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
fi
t_total=$(awk -F'Tests=' '/^Files=/ {split($2,a,","); s+=a[1]} END {print s+0}' "$log/tap.out")
t_fail=$(awk '/Failed [0-9]+\/[0-9]+ subtests/ {split($2,a,"/"); s+=a[1]} END {print s+0}' "$log/tap.out")
if [ "$rc" -ne 0 ] && [ "$t_fail" -eq 0 ] && grep -q "Result: FAIL" "$log/tap.out"; then t_fail=1; fi
passed=$((passed + t_total - t_fail)); failed=$((failed + t_fail))

echo "summary: $passed passed, $failed failed"
exit $rc
