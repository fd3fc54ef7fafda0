#!/usr/bin/env bash
# Builds the deployable Azure Functions app folder: host.json, one folder per function (function.json) and the app as a
# linux-x64 self-contained executable named in host.json (customHandler.description.defaultExecutablePath).
# Usage: ./publish.sh [output-folder]   (default: artifacts/functionapp). Builds in artifacts/publish-build, so the
# RID-specific restore never touches the bin/obj folders of a developer's normal build.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$root/artifacts/functionapp}"
build="$root/artifacts/publish-build"
project="$root/src/ReviewWorkflow.App/ReviewWorkflow.App.csproj"
functions="$root/src/ReviewWorkflow.App/Functions"

echo "==> Publishing ReviewWorkflow.App (linux-x64, self-contained) to $out"
rm -rf "$out"
mkdir -p "$out"
dotnet publish "$project" -c Release -r linux-x64 --self-contained true --nologo -v quiet \
  --artifacts-path "$build" -o "$out" -p:UseAppHost=true -p:GenerateDocumentationFile=false

cp "$root/host.json" "$out/host.json"
for dir in "$functions"/*/; do
  name="$(basename "$dir")"
  if [ -f "$dir/function.json" ]; then
    mkdir -p "$out/$name"
    cp "$dir/function.json" "$out/$name/function.json"
  fi
done

exe="$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' "$root/host.json")"
if [ ! -x "$out/$exe" ]; then
  echo "publish.sh: $out/$exe (host.json defaultExecutablePath) is missing or not executable" >&2
  exit 1
fi
chmod +x "$out/$exe"
echo "==> $out: host.json, $(find "$out" -mindepth 2 -name function.json | wc -l) functions, executable $exe"
