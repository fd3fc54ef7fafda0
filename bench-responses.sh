#!/usr/bin/env bash
# How long the responses page takes for 2,000 submitted responses: first the in-memory filtering, counting and paging
# (per filter, the median and 95th percentile of 200 runs), then end to end: the whole app on its own in-memory Azurite
# (started here on free ports, stopped at the end), 2,000 responses stored in Table Storage, the page and the API timed
# over HTTP (median and p95 of 40 runs each). The last line printed is "RESULT key=value ...".
# Usage: ./bench-responses.sh [--memory-only]
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$RW_ROOT"
rw_require_tools
rw_npm_install
dotnet build benchmarks/ReviewWorkflow.ResponsesBench -c Release --nologo -v quiet -clp:ErrorsOnly >&2
bench=(dotnet benchmarks/ReviewWorkflow.ResponsesBench/bin/Release/net10.0/ReviewWorkflow.ResponsesBench.dll)
if [ "${1:-}" = --memory-only ]; then
  exec "${bench[@]}"
fi

blob=$(rw_free_port); queue=$(rw_free_port); table=$(rw_free_port)
trap rw_stop_started EXIT INT TERM
rw_say "Starting Azurite in memory on 127.0.0.1:$blob/$queue/$table"
rw_start_azurite "$blob" "$queue" "$table" --inMemoryPersistence
"${bench[@]}" --storage "$(rw_connection_string "$blob" "$queue" "$table")"
