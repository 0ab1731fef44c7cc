#!/usr/bin/env bash
# Performance benchmark: bash tests/perf/benchmark.sh [EVENT_COUNT ...]   (default: 10000 100000)
#                        bash tests/perf/benchmark.sh first-load           (only (e), on the curated seed)
#
# For each size: generates a synthetic database (cached in test-artifacts/perf/, git-ignored), starts the published
# Release build of the web app against it on a free loopback port, and measures
#   (a) API latency p50/p95/p99 per typical filter (wrk, 1 connection, BENCH_DURATION seconds per case),
#   (b) server-side render time of the timeline (curl time_total over BENCH_RENDER_RUNS requests),
#   (c) time to interactive in headless Chromium (first circuit render batch, tests/perf/interactive.mjs),
#   (d) memory per Blazor circuit (RSS of the server before/after BENCH_CIRCUITS interactive headless Chromium tabs),
#   (e) the first load of / in a cold browser: bytes on the wire per resource with "Accept-Encoding: br", its encoding
#       and caching, against the 200 KB budget.
# Prints markdown tables and writes them to docs/perf-results/<size>.md (git-ignored) for docs/performance.md to quote.
# Loopback traffic only; every phase is bounded in time. Knobs (environment): BENCH_DURATION (s, default 10),
# BENCH_CONNECTIONS (default 1), BENCH_RENDER_RUNS (default 30), BENCH_TTI_RUNS (default 6), BENCH_CIRCUITS (default 20),
# BENCH_STATEMENTS_PER_EVENT (default 10), BENCH_SKIP_BUILD=1 (reuse the last Release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
first_load_only=0
[ "${sizes[0]}" = "first-load" ] && first_load_only=1
duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-1}
render_runs=${BENCH_RENDER_RUNS:-30}
circuits=${BENCH_CIRCUITS:-20}
tti_runs=${BENCH_TTI_RUNS:-6}
statements_per_event=${BENCH_STATEMENTS_PER_EVENT:-10}
cache="$root/test-artifacts/perf"
results="$root/docs/perf-results"
mkdir -p "$cache" "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- tools -----------------------------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
command -v ss >/dev/null || need_apt+=(iproute2)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v node >/dev/null || need_apt+=(nodejs)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} from Debian (no browser download)."
  sudo_cmd=""
  [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- build -----------------------------------------------------------------------------------------------------------
# The app as it is deployed: published (static assets fingerprinted and precompressed by MapStaticAssets).
web_dir="$cache/publish"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "Publishing the web app and building the data generator (Release)..."
  rm -rf "$web_dir"
  dotnet publish "$root/src/DiplomacyTracker.Web" -c Release -o "$web_dir" -nologo -clp:ErrorsOnly -v q
  dotnet build "$root/tests/DiplomacyTracker.DataGenerator" -c Release -nologo -clp:ErrorsOnly -v q
fi
# Framework-dependent apps with their native launcher.
web_exe="$web_dir/DiplomacyTracker.Web"
gen_exe=$(ls "$root"/tests/DiplomacyTracker.DataGenerator/bin/Release/net*/DiplomacyTracker.DataGenerator 2>/dev/null | head -n1 || true)
[ -x "$web_exe" ] && [ -x "$gen_exe" ] || { echo "The Release build did not produce the app and the generator." >&2; exit 1; }

# --- helpers ---------------------------------------------------------------------------------------------------------
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

# Starts the published app on $1 against the SQLite database $2 (seeded from data/ if new); sets app_pid.
start_app() {
  local base=$1 db=$2
  echo "Starting the app on $base against $db"
  (
    cd "$web_dir"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
      ConnectionStrings__Diplomacy="Data Source=$db" Logging__Directory="$work/logs" Seed__Directory="$root/data" \
      exec ./DiplomacyTracker.Web >"$work/app.log" 2>&1
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

# --- one size --------------------------------------------------------------------------------------------------------
run_size() {
  local events=$1
  local db="$cache/events-${events}x${statements_per_event}.db"
  local out="$results/${events}.md"

  # Regenerate when the generator changed since the cached database was made.
  if [ ! -f "$db" ] || [ -n "$(find "$root/tests/DiplomacyTracker.DataGenerator" -name '*.cs' -newer "$db" | head -n1)" ]; then
    echo "Generating $events events x $statements_per_event statements -> $db"
    "$gen_exe" --database "$db" --events "$events" --statements-per-event "$statements_per_event" --data "$root/data" \
      | tee "$work/generate.log"
  fi

  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  start_app "$base" "$db"

  local counts
  counts=$(curl -fs "$base/api/events?pageSize=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  local detail_id
  detail_id=$(curl -fs "$base/api/events?year=2024&pageSize=1" | grep -o '"id":[0-9]*' | head -n1 | cut -d: -f2)

  {
    echo "## $events events ($statements_per_event statements per event)"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM (load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)); database $(du -m "$db" | cut -f1) MiB; $counts visible events."
    echo
    echo "### API latency (wrk, $connections connection(s), ${duration} s per case)"
    echo
    echo "| case | query | HTTP | total | p50 ms | p95 ms | p99 ms | max ms | req/s | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  } >"$out"

  local cases=(
    "no filter, page 1|/api/events"
    "year=2024|/api/events?year=2024"
    "venue=Beijing|/api/events?venue=Beijing"
    "participant=xi-jinping|/api/events?participant=xi-jinping"
    "xiputin=true|/api/events?xiputin=true"
    "type=StateVisit|/api/events?type=StateVisit"
    "topic=ukraine|/api/events?topic=ukraine"
    "q=energy|/api/events?q=energy"
    "q=lunar station (rarer words)|/api/events?q=lunar%20station"
    "combination|/api/events?yearFrom=2015&yearTo=2024&venue=Moscow&participant=vladimir-putin&q=energy"
    "deep page (page=1000)|/api/events?page=1000"
    "one event|/api/events/$detail_id"
    "participants|/api/participants"
  )
  local entry name path total line status
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    # Warm up (JIT, SQLite page cache) and check the answer.
    status=$(curl -s --max-time 30 -o "$work/answer.json" -w '%{http_code}' "$base$path" || true)
    total=$(grep -o '"total":[0-9]*' "$work/answer.json" | head -n1 | cut -d: -f2 || true)
    for _ in 1 2 3; do curl -fs --max-time 30 -o /dev/null "$base$path" || true; done
    line=$(wrk -t1 -c"$connections" -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base$path" | grep '^WRK_RESULT' || true)
    if [ -z "$line" ]; then
      echo "| $name | \`$path\` | $status | ${total:--} | failed | | | | | |" >>"$out"
      continue
    fi
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    # shellcheck disable=SC2154 # set by the eval above
    echo "| $name | \`$path\` | $status | ${total:--} | $p50 | $p95 | $p99 | $max | $rps | $errors |" >>"$out"
    echo "  $name: p50 $p50 ms, p95 $p95 ms"
  done

  # Throughput under concurrent load: the unfiltered first page with 8 connections.
  line=$(wrk -t2 -c8 -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base/api/events" | grep '^WRK_RESULT' || true)
  if [ -n "$line" ]; then
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    { echo; echo "Under load (8 connections, no filter): $rps req/s, p50 $p50 ms, p95 $p95 ms, errors $errors."; } >>"$out"
  fi

  # Timeline: full server-side render (prerender) of the page, HTML only.
  {
    echo
    echo "### Timeline server render (curl time_total, $render_runs requests each)"
    echo
    echo "| page | articles | HTML KiB | p50 ms | p95 ms | max ms |"
    echo "|---|---:|---:|---:|---:|---:|"
  } >>"$out"
  local page articles size stats
  for page in "/" "/?year=2024" "/?venue=Beijing&xiputin=true" "/?q=energy" "/?page=100"; do
    curl -fs --max-time 30 -o "$work/page.html" "$base$page"
    articles=$(grep -o '<article' "$work/page.html" | wc -l)
    size=$(( $(stat -c %s "$work/page.html") / 1024 ))
    for _ in 1 2 3; do curl -fs --max-time 30 -o /dev/null "$base$page"; done
    stats=$(for _ in $(seq 1 "$render_runs"); do
      curl -fs --max-time 30 -o /dev/null -w '%{time_total}\n' "$base$page" | awk '{ printf "%.1f\n", $1 * 1000 }'
    done | percentiles)
    read -r p50 p95 max <<<"$stats"
    echo "| \`$page\` | $articles | $size | $p50 | $p95 | $max |" >>"$out"
    echo "  render $page: p50 $p50 ms, p95 $p95 ms"
  done

  measure_interactive "$base" "$out"
  measure_first_load "$base" "$out"
  measure_circuits "$base" "$port" "$out"
  stop_app
  echo
  cat "$out"
  echo
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

# Time to interactive: BENCH_TTI_RUNS page loads per page (the first with a cold browser cache).
measure_interactive() {
  local base=$1 out=$2 page lines cold warm dcl
  {
    echo
    echo "### Time to interactive (headless Chromium, first circuit render batch; ${tti_runs} loads per page, the first with a cold cache)"
    echo
    echo "| page | cold: DOMContentLoaded ms | cold: interactive ms | warm: DOMContentLoaded p50 ms | warm: interactive p50 ms | warm: interactive max ms | failures |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
  } >>"$out"
  start_browser
  for page in "/" "/?year=2024"; do
    lines=$(node_driver tti "$cdp_port" "$base$page" "$tti_runs" || true)
    cold=$(echo "$lines" | awk '$2 == "cold" { print $3, $4 }')
    dcl=$(echo "$lines" | awk '$2 == "warm" { print $3 }' | percentiles | cut -d' ' -f1)
    warm=$(echo "$lines" | awk '$2 == "warm" { print $4 }' | percentiles)
    read -r c_dcl c_tti <<<"${cold:-n/a n/a}"
    read -r w_p50 _ w_max <<<"$warm"
    echo "| \`$page\` | $c_dcl | $c_tti | $dcl | $w_p50 | $w_max | $(echo "$lines" | grep -c 'failed' || true) |" >>"$out"
    echo "  interactive $page: cold $c_tti ms, warm p50 $w_p50 ms"
    echo "$lines" | grep 'failed' | head -n1 | sed 's/^/  /' || true
  done
  stop_browser
}

# First load of / in a cold browser: every resource with its bytes on the wire, encoding and caching, and the total
# against the budget (200 KB, Brotli). Static assets must be fingerprinted and cached as immutable.
measure_first_load() {
  local base=$1 out=$2 lines total budget=$((200 * 1024))
  start_browser
  lines=$(node_driver weight "$cdp_port" "$base/" || true)
  stop_browser
  total=$(echo "$lines" | awk '/^TOTAL/ { print $2 }')
  {
    echo
    echo "### First load of \`/\` (cold cache, \"Accept-Encoding: br, gzip\", until interactive)"
    echo
    echo "| resource | status | bytes on the wire | encoding | cache-control |"
    echo "|---|---:|---:|---|---|"
    echo "$lines" | awk -F'\t' '/^RESOURCE/ { url = $6; sub("^https?://[^/]+", "", url); printf "| `%s` | %s | %s | %s | %s |\n", url, $3, $2, $4, $5 }'
    echo "$lines" | awk '/^SOCKET/ { printf "| circuit WebSocket until the first render | 101 | %s | (SignalR) | |\n", $2 }'
    echo
    echo "Total: **$(( ${total:-0} / 1024 )) KiB** ($total bytes) against a budget of 200 KiB: $([ "${total:-999999999}" -le "$budget" ] && echo within it || echo OVER IT)."
  } >>"$out"
  echo "  first load of /: $(( ${total:-0} / 1024 )) KiB"
  echo "$lines" | grep 'failed' | head -n1 | sed 's/^/  /' || true
}

# Opens $circuits interactive tabs of the timeline and reports the server's RSS growth per circuit.
measure_circuits() {
  local base=$1 port=$2 out=$3
  start_browser
  sleep 2
  local before; before=$(rss_kib "$app_pid")
  local started=$SECONDS
  rm -f "$work/circuits.log"
  node_driver circuits "$cdp_port" "$base/" "$circuits" 60 >"$work/circuits.log" 2>&1 &
  local driver=$!
  for _ in $(seq 1 240); do grep -qs '^CIRCUITS' "$work/circuits.log" && break; sleep 0.5; done
  local open_seconds=$((SECONDS - started))
  sleep 5
  local after; after=$(rss_kib "$app_pid")
  local connections; connections=$(ss -Htn state established "( sport = :$port )" | wc -l)
  local interactive; interactive=$(awk '/^CIRCUITS/ { print $2 }' "$work/circuits.log")
  interactive=${interactive:-0}
  local per="n/a"
  [ "$interactive" -gt 0 ] && per=$(( (after - before) / interactive ))
  {
    echo
    echo "### Memory per circuit ($circuits headless Chromium tabs on \`/\`, held open)"
    echo
    echo "| interactive circuits | open TCP connections | RSS before MiB | RSS after MiB | per circuit KiB | peak RSS MiB | opened in |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    echo "| $interactive / $circuits | $connections | $((before / 1024)) | $((after / 1024)) | $per | $(( $(hwm_kib "$app_pid") / 1024 )) | ${open_seconds} s |"
  } >>"$out"
  grep '^CIRCUITS' "$work/circuits.log" | sed 's/^/  /' || cat "$work/circuits.log"
  echo "  $per KiB RSS per circuit"
  kill "$driver" 2>/dev/null || true
  wait "$driver" 2>/dev/null || true
  stop_browser
}

if [ "$first_load_only" = 1 ]; then
  out="$results/first-load.md"
  port=$(free_port)
  start_app "http://127.0.0.1:$port" "$work/seeded.db"
  {
    echo "## First load on the curated seed"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)); published Release build."
  } >"$out"
  measure_first_load "http://127.0.0.1:$port" "$out"
  stop_app
  cat "$out"
  exit 0
fi

for size in "${sizes[@]}"; do
  case $size in ''|*[!0-9]*) echo "Sizes are event counts, e.g. 10000 100000" >&2; exit 2 ;; esac
  run_size "$size"
done
echo "Results written to $results/"
