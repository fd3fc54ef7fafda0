#!/usr/bin/env bash
# Load test: 1,000 consultees (10 cycles × 100) each opening, saving and submitting a response at once, plus 200
# concurrent page views, against the standalone app; prints latencies, throughput, errors, lost responses and the app's
# peak working set. Usage: ./load.sh [--cycles n] [--consultees n] [--page-views n]   Last line: RESULT submit_p95_ms=...
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
rw_drive load "$@"
