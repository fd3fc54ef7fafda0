# Shared by run.sh, test.sh and the other root scripts. Source it; do not run it.
# Everything here installs into the repository (never globally) and stops only what it started.

RW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RW_STARTED_PIDS=()

rw_say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
rw_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

rw_require_tools() {
  command -v dotnet >/dev/null 2>&1 || rw_die "the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK"
  command -v node >/dev/null 2>&1 || rw_die "Node.js is not on PATH; install Node.js 20 or later"
  command -v npm >/dev/null 2>&1 || rw_die "npm is not on PATH; install Node.js 20 or later"
}

# npm ci when node_modules is missing or older than the lockfile (reproducible, pinned by package-lock.json).
rw_npm_install() {
  local stamp="$RW_ROOT/node_modules/.package-lock.json"
  if [ ! -x "$RW_ROOT/node_modules/.bin/azurite" ] || [ ! -f "$stamp" ] || [ "$RW_ROOT/package-lock.json" -nt "$stamp" ]; then
    rw_say "Installing Azurite and front-end packages (npm ci)"
    (cd "$RW_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || rw_die "npm ci failed"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
rw_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rw_wait_port() { # port seconds what
  local port=$1 deadline=$((SECONDS + $2))
  until rw_port_open "$port"; do
    [ $SECONDS -lt $deadline ] || rw_die "$3 did not start listening on 127.0.0.1:$port within $2 s"
    sleep 0.2
  done
}

rw_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# rw_start_azurite BLOB QUEUE TABLE [extra azurite args...]: start Azurite in the background on 127.0.0.1.
rw_start_azurite() {
  local blob=$1 queue=$2 table=$3; shift 3
  "$RW_ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" "$@" >/dev/null 2>&1 &
  RW_STARTED_PIDS+=($!)
  rw_wait_port "$blob" 60 "Azurite (blob)"; rw_wait_port "$queue" 60 "Azurite (queue)"; rw_wait_port "$table" 60 "Azurite (table)"
}

rw_connection_string() { # BLOB QUEUE TABLE
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' "$1" "$2" "$3"
}

# Stop exactly the processes this script started (and their children), nothing else.
rw_stop_started() {
  local pid
  for pid in "${RW_STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${RW_STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  done
  RW_STARTED_PIDS=()
}

# Debian's chromium for the browser tests (Playwright drives it through ExecutablePath; no browser download).
rw_install_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  rw_say "Installing chromium for the browser tests (apt-get)"
  [ "$(id -u)" -eq 0 ] || rw_die "chromium is missing; install it as root: apt-get update && apt-get install -y chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || rw_die "apt-get could not install chromium"
}

# rw_local_settings FILE SAMPLE: create FILE from SAMPLE when missing (it is git-ignored), and give it a
# Workflow__LinkSigningKey (Base64 of 32 random bytes) when it has none, so consultee links survive restarts.
# An existing key is never replaced (that would break every link already sent).
rw_local_settings() {
  local file=$1 sample=$2
  if [ ! -f "$file" ]; then
    cp "$sample" "$file"
    rw_say "Created $(basename "$file") from $(basename "$sample") (git-ignored; edit it for your settings)"
  fi
  local key; key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  RW_NEW_KEY="$key" node -e '
    const fs = require("fs"); const file = process.argv[1];
    const settings = JSON.parse(fs.readFileSync(file, "utf8"));
    settings.Values = settings.Values || {};
    if (settings.Values.Workflow__LinkSigningKey) process.exit(0);
    settings.Values.Workflow__LinkSigningKey = process.env.RW_NEW_KEY;
    fs.writeFileSync(file, JSON.stringify(settings, null, 2) + "\n");
    console.error("==> Generated Workflow__LinkSigningKey in " + file + " (consultee links now survive restarts)");
  ' "$file" || rw_die "could not read $file as JSON; fix it or delete it so run.sh recreates it"
}

# ./chaos.sh and ./load.sh: build the app and benchmarks/ReviewWorkflow.Drive (Release), start a private in-memory
# Azurite on free ports (the app may be killed, Azurite never is), run the driver in mode $1 with the remaining
# arguments, stop Azurite, and return the driver's exit code. The work folder (outbox, clock file, app.log) is kept
# in $RW_DRIVE_WORK (a new temporary folder when unset) and named on stderr.
rw_drive() {
  local mode=$1; shift
  rw_require_tools
  rw_npm_install
  rw_say "Building the app and the driver (Release)"
  dotnet build "$RW_ROOT/src/ReviewWorkflow.App" -c Release --nologo -v quiet -clp:ErrorsOnly >&2 || rw_die "the app did not build"
  dotnet build "$RW_ROOT/benchmarks/ReviewWorkflow.Drive" -c Release --nologo -v quiet -clp:ErrorsOnly >&2 || rw_die "the driver did not build"
  local work="${RW_DRIVE_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/rw-$mode-XXXXXX")}"
  mkdir -p "$work"
  local blob queue table
  blob=$(rw_free_port); queue=$(rw_free_port); table=$(rw_free_port)
  trap rw_stop_started EXIT INT TERM
  rw_say "Starting Azurite in memory on 127.0.0.1:$blob/$queue/$table; work folder $work"
  rw_start_azurite "$blob" "$queue" "$table" --inMemoryPersistence
  local status=0 extra=()
  [ "$mode" = load ] && extra=(--storage-pid "${RW_STARTED_PIDS[-1]}")
  dotnet "$RW_ROOT/benchmarks/ReviewWorkflow.Drive/bin/Release/net10.0/ReviewWorkflow.Drive.dll" "$mode" \
    --app "$RW_ROOT/src/ReviewWorkflow.App/bin/Release/net10.0/ReviewWorkflow.App.dll" \
    --storage "$(rw_connection_string "$blob" "$queue" "$table")" --work "$work" "${extra[@]}" "$@" || status=$?
  rw_stop_started
  trap - EXIT INT TERM
  return $status
}
