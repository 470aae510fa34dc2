# Sourced by the shell TAP tests (test/shell/*.sh; this file is not one: prove runs *.sh only).
# tap NAME STATUS [DIAGNOSTIC]: prints "ok N - NAME" when STATUS is 0, else "not ok N - NAME" and the DIAGNOSTIC,
# each of its lines after "# "; $bad counts the failures, so a test ends with: exit $((bad > 0))
# check NAME CONDITION [DIAGNOSTIC]: tap NAME on whether the shell CONDITION (eval'd) holds.
count=0; bad=0
tap() {
  count=$((count + 1))
  if [ "$2" -eq 0 ]; then echo "ok $count - $1"; else bad=$((bad + 1)); echo "not ok $count - $1"; [ -n "${3:-}" ] && echo "$3" | sed 's/^/# /'; fi
}
check() { if eval "$2"; then tap "$1" 0; else tap "$1" 1 "${3:-}"; fi; }
