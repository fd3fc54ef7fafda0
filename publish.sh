#!/usr/bin/env bash
# Builds the two deployable folders azd ships (azure.yaml):
#   artifacts/functionapp  the Durable Functions app (isolated worker): host.json, functions.metadata, extensions.json,
#                          worker.config.json, .azurefunctions/ and the worker — ready for zip deploy to Flex Consumption
#   artifacts/webapp       the web app (pages, JSON API, SendGrid webhook) for App Service on Linux (.NET 10)
# Usage: ./publish.sh [artifacts-folder]   (default: artifacts). Framework-dependent: both Azure hosts provide .NET 10.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$root/artifacts}"
functionapp="$out/functionapp"
webapp="$out/webapp"

echo "==> Publishing ReviewWorkflow.Functions to $functionapp"
rm -rf "$functionapp" "$webapp"
dotnet publish "$root/src/ReviewWorkflow.Functions/ReviewWorkflow.Functions.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly -o "$functionapp"
for file in host.json functions.metadata extensions.json worker.config.json; do
  [ -f "$functionapp/$file" ] || { echo "publish.sh: $functionapp/$file is missing" >&2; exit 1; }
done

echo "==> Publishing ReviewWorkflow.App (the web app) to $webapp"
dotnet publish "$root/src/ReviewWorkflow.App/ReviewWorkflow.App.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly -o "$webapp"
[ -f "$webapp/ReviewWorkflow.App.dll" ] || { echo "publish.sh: $webapp/ReviewWorkflow.App.dll is missing" >&2; exit 1; }
# GOV.UK Frontend's built styles, scripts, fonts and images: the web app serves them from the nearest
# node_modules/govuk-frontend/dist/govuk at or above its content root, which in App Service is this folder.
govuk="node_modules/govuk-frontend/dist/govuk"
if [ ! -d "$root/$govuk" ]; then
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi
mkdir -p "$webapp/$(dirname "$govuk")"
cp -R "$root/$govuk" "$webapp/$govuk"

echo "==> $functionapp (Functions app) and $webapp (web app) are ready"
