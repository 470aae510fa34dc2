#!/usr/bin/env bash
# make test-browser: build the demo (make demo writes demo/out/report.html), open report.html in headless Chromium
# (Debian's chromium package, installed here when missing), take a screenshot and check it as a reader would see it:
# the charts and the map are drawn (their colours on the screenshot), no image is broken, the summary is there.
# TAP output, then "summary: N passed, M failed"; exit status 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "test-browser: installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk || exit 1
fi
make -s demo >/dev/null || { echo "test-browser: make demo failed"; echo "summary: 0 passed, 1 failed"; exit 1; }
page="$PWD/demo/out/report.html"

work=$(mktemp -d /tmp/eco_browser.XXXXXX)
trap 'rm -rf "$work"' EXIT
chrome() {  # a fresh profile each run; no network, no background services
  rm -rf "$work/profile"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=1 "$@" 2>>"$work/chromium.log"
}

count=0; bad=0
tap() {
  count=$((count + 1))
  if [ "$2" -eq 0 ]; then echo "ok $count - $1"; else bad=$((bad + 1)); echo "not ok $count - $1"; [ -n "${3:-}" ] && echo "# $3"; fi
}
gt() { if [ -n "$2" ] && [ "$2" -gt "$3" ] 2>/dev/null; then tap "$1" 0; else tap "$1" 1 "got '$2', want more than $3"; fi; }
echo "1..13"

[ -s "$page" ]; tap "make demo wrote report.html" $?
grep -q "<h2>一、大气环境</h2>" "$page" && ! grep -qE "(src|href)=\"https?:" "$page"
tap "report.html holds the summary and no network reference" $?

# The page's own script counts images (broken = not complete or no natural width) and inline SVG charts on load.
body=$(chrome --window-size=1000,3600 --virtual-time-budget=5000 --dump-dom "file://$page" | grep -o '<body[^>]*>')
echo "$body" | grep -q 'data-broken="0"'; tap "no broken image" $? "$body"
echo "$body" | grep -q 'data-images="1"'; tap "the map image loaded" $? "$body"
echo "$body" | grep -q 'data-svgs="3"'; tap "three inline charts" $? "$body"

chrome --window-size=1000,3600 --virtual-time-budget=5000 --screenshot="$work/shot.png" "file://$page" >/dev/null
[ -s "$work/shot.png" ]; tap "screenshot taken" $? "$(tail -3 "$work/chromium.log")"
read -r nonwhite good fair grey blue mapbg <<<"$($PY test/browser/png_probe.py "$work/shot.png" nonwhite \
    near:#00E400:2 near:#FFFF00:2 near:#A0A0A0:2 near:#1F6FB4:2 near:#F4F8FB:1 | tr '\n' ' ')"
gt "screenshot is not blank" "$nonwhite" 100000
gt "calendar and monthly bars: 优 green drawn" "$good" 2000
gt "calendar and monthly bars: 良 yellow drawn" "$fair" 2000
gt "year-on-year bars: last year grey drawn" "$grey" 1000
gt "year-on-year bars: this year blue drawn" "$blue" 1000
gt "map drawn (its background)" "$mapbg" 50000
# The page reported where the calendar cell of 2023-07-15 is and its level colour: the screenshot has it there.
cell=$(echo "$body" | sed -n 's/.*data-cell="\([0-9]*\),\([0-9]*\),\(#[0-9A-F]*\)".*/\1 \2 \3/p')
read -r cx cy ccol <<<"$cell"
got=$([ -n "$cell" ] && $PY test/browser/png_probe.py "$work/shot.png" "pixel:$cx,$cy")
[ -n "$cell" ] && [ "$got" = "$ccol" ]; tap "the calendar cell of 2023-07-15 shows its level colour on screen" $? "cell '$cell', screenshot '$got'"


echo "# $bad of $count failed"
echo "summary: $((count - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
