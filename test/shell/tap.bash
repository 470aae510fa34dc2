# Sourced by the shell TAP tests (test/shell/*.sh; this file is not one: prove runs *.sh only).
# tap NAME STATUS [DIAGNOSTIC]: prints "ok N - NAME" when STATUS is 0, else "not ok N - NAME" and "# DIAGNOSTIC";
# $bad counts the failures, so a test ends with: exit $((bad > 0))
count=0; bad=0
tap() {
  count=$((count + 1))
  if [ "$2" -eq 0 ]; then echo "ok $count - $1"; else bad=$((bad + 1)); echo "not ok $count - $1"; [ -n "${3:-}" ] && echo "# $3"; fi
}
