#!/usr/bin/env bash
# Installs what is missing, starts Azurite (unless one already listens on 10000-10002) and serves the app
# on http://localhost:7071 in Development with demo data (Demo__SeedData=true; seeded once, idempotently).
# Ctrl+C stops everything this script started, and nothing else.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$RW_ROOT"

rw_require_tools
rw_npm_install

rw_local_settings "$RW_ROOT/local.settings.json" "$RW_ROOT/local.settings.sample.json"

trap 'rw_say "Stopping"; rw_stop_started' EXIT
trap 'exit 130' INT TERM

# Ports: the Functions/Azurite defaults; overridable (the run.sh test uses free ports).
app_port=${RW_APP_PORT:-7071}
blob=${RW_BLOB_PORT:-10000}; queue=${RW_QUEUE_PORT:-10001}; table=${RW_TABLE_PORT:-10002}
data=${RW_AZURITE_LOCATION:-$RW_ROOT/.azurite}

open=0
for port in $blob $queue $table; do rw_port_open "$port" && open=$((open + 1)); done
if [ $open -eq 3 ]; then
  rw_say "Storage already listening on 127.0.0.1:$blob-$table; using it"
elif [ $open -eq 0 ]; then
  rw_say "Starting Azurite on 127.0.0.1:$blob/$queue/$table (data in $data)"
  mkdir -p "$data"
  rw_start_azurite "$blob" "$queue" "$table" --location "$data"
else
  rw_die "some of ports $blob/$queue/$table are in use but not all; stop whatever holds them or start Azurite yourself"
fi
if [ "$blob$queue$table" != "100001000110002" ]; then
  export AzureWebJobsStorage; AzureWebJobsStorage="$(rw_connection_string "$blob" "$queue" "$table")"
fi

rw_port_open "$app_port" && rw_die "port $app_port is already in use; stop the other app first"

rw_say "Building the app"
dotnet build src/ReviewWorkflow.App/ReviewWorkflow.App.csproj -c Debug --nologo -v quiet -clp:ErrorsOnly

rw_say "Serving http://localhost:$app_port (health: http://localhost:$app_port/health). Ctrl+C to stop."
rw_say "Demo data: seeded in the background on first start (see README, 'Try it'); Demo__SeedData=false skips it"
# Emailed links point at the port served here (unless Workflow__PublicBaseUrl is set).
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" Workflow__PublicBaseUrl="${Workflow__PublicBaseUrl:-http://localhost:$app_port/}" Demo__SeedData="${Demo__SeedData:-true}" Development__ControllableClock="${Development__ControllableClock:-true}" Development__ClockFile="${Development__ClockFile:-$data/dev-clock.txt}" \
  dotnet src/ReviewWorkflow.App/bin/Debug/net10.0/ReviewWorkflow.App.dll \
  --contentRoot "$RW_ROOT/src/ReviewWorkflow.App" --urls "http://localhost:$app_port" &
RW_STARTED_PIDS+=($!)
wait "${RW_STARTED_PIDS[-1]}"
