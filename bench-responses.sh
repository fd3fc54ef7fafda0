#!/usr/bin/env bash
# How long the responses page's in-memory filtering, counting and paging takes for 2,000 submitted responses.
# Usage: ./bench-responses.sh   (prints a table: per filter, the median and 95th percentile of 200 runs)
set -euo pipefail
cd "$(dirname "$0")"
dotnet build benchmarks/ReviewWorkflow.ResponsesBench -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet benchmarks/ReviewWorkflow.ResponsesBench/bin/Release/net10.0/ReviewWorkflow.ResponsesBench.dll "$@"
