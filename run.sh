#!/usr/bin/env bash
# Installs what is missing, starts Azurite (unless one already listens on 10000-10002) and serves the app
# on http://localhost:7071. Ctrl+C stops everything this script started, and nothing else.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$RW_ROOT"

rw_require_tools
rw_npm_install

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  rw_say "Created local.settings.json from local.settings.sample.json (git-ignored; edit it for your settings)"
fi

trap 'rw_say "Stopping"; rw_stop_started' EXIT
trap 'exit 130' INT TERM

open=0
for port in 10000 10001 10002; do rw_port_open $port && open=$((open + 1)); done
if [ $open -eq 3 ]; then
  rw_say "Storage already listening on 127.0.0.1:10000-10002; using it"
elif [ $open -eq 0 ]; then
  rw_say "Starting Azurite on 127.0.0.1:10000-10002 (data in .azurite/)"
  mkdir -p .azurite
  rw_start_azurite 10000 10001 10002 --location "$RW_ROOT/.azurite"
else
  rw_die "some of ports 10000-10002 are in use but not all; stop whatever holds them or start Azurite yourself"
fi

rw_port_open 7071 && rw_die "port 7071 is already in use; stop the other app first"

rw_say "Building the app"
dotnet build src/ReviewWorkflow.App/ReviewWorkflow.App.csproj -c Debug --nologo -v quiet -clp:ErrorsOnly

rw_say "Serving http://localhost:7071 (health: http://localhost:7071/health). Ctrl+C to stop."
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  dotnet src/ReviewWorkflow.App/bin/Debug/net10.0/ReviewWorkflow.App.dll \
  --contentRoot "$RW_ROOT/src/ReviewWorkflow.App" --urls http://localhost:7071 &
RW_STARTED_PIDS+=($!)
wait "${RW_STARTED_PIDS[-1]}"
