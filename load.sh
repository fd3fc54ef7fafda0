#!/usr/bin/env bash
# Load test against the standalone app: 1,000 consultees (10 cycles × 100) and 200 page viewers as concurrent USERS —
# every session active at once, starting within a 10 s ramp, thinking 1-5 s between requests (seeded) — then prints
# p50/p95/p99 per kind of request, throughput, errors, lost responses and the app's peak working set.
# --burst: the stress mode instead (every request released at the same instant, no think time, 128 connections).
# Usage: ./load.sh [--cycles n] [--consultees n] [--page-views n] [--seed n] [--ramp-s n] [--think-min-ms n]
#                  [--think-max-ms n] [--page-loads n] [--connections n] [--burst]      Last line: RESULT submit_p95_ms=...
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
rw_drive load "$@"
