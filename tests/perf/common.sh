# Shared by the benchmarks (benchmark.sh, soak.sh); sourced, not run. Expects $root (the repository) to be set.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cache="$root/test-artifacts/perf"
mkdir -p "$cache"

# --- tools -----------------------------------------------------------------------------------------------------------
install_missing_tools() {
  need_apt=()
  command -v wrk >/dev/null || need_apt+=(wrk)
  command -v curl >/dev/null || need_apt+=(curl)
  command -v ss >/dev/null || need_apt+=(iproute2)
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v node >/dev/null || need_apt+=(nodejs)
  command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
  command -v python3 >/dev/null || need_apt+=(python3)
  if [ ${#need_apt[@]} -gt 0 ]; then
    echo "Installing ${need_apt[*]} from Debian (no browser download)."
    sudo_cmd=""
    [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
}

# --- build -----------------------------------------------------------------------------------------------------------
# The app as it is deployed: published (static assets fingerprinted and precompressed by MapStaticAssets), framework-
# dependent with its native launcher. BENCH_SKIP_BUILD=1 reuses the last publish.
web_dir="$cache/publish"
publish_app() {
  if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
    echo "Publishing the web app (Release)..."
    rm -rf "$web_dir"
    dotnet publish "$root/src/DiplomacyTracker.Web" -c Release -o "$web_dir" -nologo -clp:ErrorsOnly -v q
  fi
  [ -x "$web_dir/DiplomacyTracker.Web" ] || { echo "The Release build did not produce the app." >&2; exit 1; }
}

# --- helpers ---------------------------------------------------------------------------------------------------------
# True when the cached database $1 is missing or older than the generator's sources. The build's own files in obj/
# change with every commit (the commit id is in AssemblyInfo.cs) and say nothing about the data.
generated_database_is_stale() {
  [ ! -f "$1" ] || [ -n "$(find "$root/tests/DiplomacyTracker.DataGenerator" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -newer "$1" | head -n1)" ]
}

app_pid=""
browser_pid=""
cdp_port=""
work=$(mktemp -d)
cleanup() {
  [ -z "$browser_pid" ] || kill "$browser_pid" 2>/dev/null || true
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Hltn "sport = :$port" | grep -q .; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

# p50 / p95 / max of the numbers on stdin (one per line), nearest-rank.
percentiles() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a n/a n/a"; exit }
    i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999);
    printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR] }'
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}

# Starts the published app on $1 against the SQLite database $2 (seeded from data/ if new), with any further
# NAME=value configuration given after them; sets app_pid. Logs go to $work/logs (JSON) and $work/app.log (console).
start_app() {
  local base=$1 db=$2
  shift 2
  echo "Starting the app on $base against $db"
  (
    cd "$web_dir"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
      ConnectionStrings__Diplomacy="Data Source=$db" Logging__Directory="$work/logs" Seed__Directory="$root/data" \
      Backups__IntervalHours=0 "$@" ./DiplomacyTracker.Web >"$work/app.log" 2>&1
  ) &
  app_pid=$!
  local healthy=0
  for _ in $(seq 1 120); do
    if curl -fs "$base/health" >/dev/null 2>&1; then healthy=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$healthy" != 1 ]; then echo "The app did not become healthy; log:"; tail -n 40 "$work/app.log"; exit 1; fi
}

# Starts a headless Chromium with the DevTools endpoint on loopback; sets browser_pid and cdp_port.
start_browser() {
  cdp_port=$(free_port)
  rm -rf "$work/chromium"
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-extensions --disable-renderer-backgrounding --disable-background-timer-throttling \
    --user-data-dir="$work/chromium" --remote-debugging-address=127.0.0.1 --remote-debugging-port="$cdp_port" about:blank \
    >"$work/chromium.log" 2>&1 &
  browser_pid=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$cdp_port/json/version" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "Chromium's DevTools endpoint did not answer" >&2; exit 1
}

stop_browser() {
  [ -z "$browser_pid" ] || { kill "$browser_pid" 2>/dev/null || true; wait "$browser_pid" 2>/dev/null || true; }
  browser_pid=""
}

node_driver() { timeout 300 node --experimental-websocket --no-warnings "$root/tests/perf/interactive.mjs" "$@"; }
