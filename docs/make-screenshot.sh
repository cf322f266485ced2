#!/usr/bin/env bash
# Renders the HTML report of SampleLogs/ and captures its first screen as docs/html-report.png
# with headless Chromium (Debian: apt-get install chromium). The README shows that picture.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product flowscan
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
SOURCE_DATE_EPOCH=1796083200 "$(swift build --show-bin-path)/flowscan" SampleLogs/AWSLogs \
    --prefixes SampleLogs/ip-ranges.json --output html > "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1100,1500 --screenshot=docs/html-report.png "file://$page"
