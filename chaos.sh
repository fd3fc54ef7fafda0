#!/usr/bin/env bash
# Crash test: 50 review cycles × 10 consultees driven through the API to adoption while the standalone app is SIGKILLed
# and restarted at random moments (at least 10 times); then checks responses, decisions, audit chains and emails.
# Usage: ./chaos.sh [--cycles n] [--consultees n] [--kills n] [--seed n]   Last line: RESULT cycles=... (see BENCHMARKS.md)
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
rw_drive chaos "$@"
