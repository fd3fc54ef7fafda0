#!/usr/bin/env bash
# Restores, builds, starts its own Azurite on free ports, runs every test project, stops what it started.
# Exits non-zero on any failure; the last line is the summary: "Tests: N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$RW_ROOT"

rw_require_tools
rw_npm_install
rw_install_chromium
trap 'rw_stop_started' EXIT
trap 'exit 130' INT TERM

rw_say "Restoring and building"
dotnet restore ReviewWorkflow.sln --nologo -v quiet
dotnet build ReviewWorkflow.sln -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly

blob=$(rw_free_port); queue=$(rw_free_port); table=$(rw_free_port)
rw_say "Starting Azurite for the tests on 127.0.0.1:$blob/$queue/$table (in memory)"
rw_start_azurite "$blob" "$queue" "$table" --inMemoryPersistence
export RW_TEST_STORAGE; RW_TEST_STORAGE="$(rw_connection_string "$blob" "$queue" "$table")"

rw_say "Publishing the Functions app and the web app (./publish.sh) for the tests that read the published folders"
./publish.sh "$RW_ROOT/artifacts" >/dev/null
export RW_PUBLISHED_ARTIFACTS="$RW_ROOT/artifacts"

rw_say "Running tests"
log=$(mktemp)
set +e
dotnet test ReviewWorkflow.sln -c Release --no-build --nologo --blame-hang-timeout 15m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the projects' "Passed!/Failed!" summaries.
summaries=$(grep -E '^(Passed|Failed)! ' "$log" || true)
passed=$(echo "$summaries" | grep -Eo 'Passed: +[0-9]+'  | awk '{s+=$2} END {print s+0}')
failed=$(echo "$summaries" | grep -Eo 'Failed: +[0-9]+'  | awk '{s+=$2} END {print s+0}')
skipped=$(echo "$summaries" | grep -Eo 'Skipped: +[0-9]+'  | awk '{s+=$2} END {print s+0}')
projects=$(echo "$summaries" | grep -c . || true)
rm -f "$log"
rw_stop_started
trap - EXIT
if [ "$projects" -eq 0 ] && [ "$status" -eq 0 ]; then status=1; echo "No test project reported a result." >&2; fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
