#!/usr/bin/env bash
# Benchmarks the Durable Task engine (DTFx on the Azure Storage provider) against its own in-memory Azurite (started and stopped by
# the benchmark). Usage: ./bench.sh [--quick]   The last line printed is "RESULT key=value ...".
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)..." >&2
  npm ci --no-audit --no-fund >&2
fi
dotnet build benchmarks/ReviewWorkflow.Bench -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet benchmarks/ReviewWorkflow.Bench/bin/Release/net10.0/ReviewWorkflow.Bench.dll "$@"
