#!/usr/bin/env bash
# Performance benchmark: bash tests/perf/benchmark.sh [EVENT_COUNT ...]   (default: 100000 1000000)
#                        bash tests/perf/benchmark.sh first-load           (only (e), on the curated seed)
#                        bash tests/perf/benchmark.sh circuits [EVENT_COUNT] (only (d), default 100000 events)
#                        bash tests/perf/benchmark.sh providers [EVENT_COUNT ...] (SQLite beside PostgreSQL: tests/perf/providers.sh)
#
# For each size: generates a synthetic database (cached in test-artifacts/perf/, git-ignored), starts the published
# Release build of the web app against it on a free loopback port, and measures
#   (a) API latency p50/p95/p99 per typical filter (wrk, 1 connection, BENCH_DURATION seconds per case) with the
#       in-memory read cache off, each beside its raw-SQL floor: the statements the app ran for that request, replayed
#       in SQLite through its C API, the app's own library (tests/perf/sql-floor.py), with their EXPLAIN QUERY PLAN in docs/perf-results/<size>-plans.md;
#       then the same requests repeated with the cache on, and throughput with 64 connections both ways,
#   (b) server-side render time of the timeline (curl time_total over BENCH_RENDER_RUNS requests),
#   (c) time to interactive in headless Chromium (first circuit render batch, tests/perf/interactive.mjs),
#   (d) live circuits: BENCH_CIRCUITS interactive circuits at once (each size in turn) held by a lightweight circuit
#       client over the WebSocket (tests/perf/circuits.mjs, no browser), each changing a filter every 10 s: the p95
#       round trip of a filter change and the server's memory per circuit (live heap and RSS after a full collection),
#   (e) the first load of / in a cold browser: bytes on the wire per resource with "Accept-Encoding: br", its encoding
#       and caching, against the 200 KB budget.
# Prints markdown tables and writes them to docs/perf-results/<size>.md (git-ignored) for docs/performance.md to quote.
# Loopback traffic only; every phase is bounded in time. Knobs (environment): BENCH_DURATION (s, default 10),
# BENCH_CONNECTIONS (default 1), BENCH_RENDER_RUNS (default 30), BENCH_TTI_RUNS (default 6),
# BENCH_CIRCUITS (sizes, default "100 500 1000"), BENCH_CIRCUIT_SECONDS (filter changes per size, default 60),
# BENCH_STATEMENTS_PER_EVENT (default 10), BENCH_SKIP_BUILD=1 (reuse the last Release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
[ "${sizes[0]}" = "providers" ] && exec bash "$root/tests/perf/providers.sh" "${sizes[@]:1}"
first_load_only=0
[ "${sizes[0]}" = "first-load" ] && first_load_only=1
circuits_only=0
if [ "${sizes[0]}" = "circuits" ]; then
  circuits_only=1
  sizes=("${sizes[@]:1}")
  [ ${#sizes[@]} -gt 0 ] || sizes=(100000)
fi
duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-1}
render_runs=${BENCH_RENDER_RUNS:-30}
circuits=${BENCH_CIRCUITS:-100 500 1000}
circuit_seconds=${BENCH_CIRCUIT_SECONDS:-60}
tti_runs=${BENCH_TTI_RUNS:-6}
statements_per_event=${BENCH_STATEMENTS_PER_EVENT:-10}
results="$root/docs/perf-results"
mkdir -p "$results"

# shellcheck source=tests/perf/common.sh
source "$root/tests/perf/common.sh"
install_missing_tools

# --- build -----------------------------------------------------------------------------------------------------------
publish_app
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ] && [ "$circuits_only" = 0 ]; then
  echo "Building the data generator (Release)..."
  dotnet build "$root/tests/DiplomacyTracker.DataGenerator" -c Release -nologo -clp:ErrorsOnly -v q
fi
gen_exe=$(ls "$root"/tests/DiplomacyTracker.DataGenerator/bin/Release/net*/DiplomacyTracker.DataGenerator 2>/dev/null | head -n1 || true)
[ -x "$gen_exe" ] || [ "$circuits_only" = 1 ] || { echo "The Release build did not produce the data generator." >&2; exit 1; }

# --- one size --------------------------------------------------------------------------------------------------------
run_size() {
  local events=$1
  local db="$cache/events-${events}x${statements_per_event}.db"
  local out="$results/${events}.md"

  # Regenerate when the generator changed since the cached database was made.
  if generated_database_is_stale "$db"; then
    echo "Generating $events events x $statements_per_event statements -> $db"
    "$gen_exe" --database "$db" --events "$events" --statements-per-event "$statements_per_event" --data "$root/data" \
      | tee "$work/generate.log"
  fi

  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  local plans="$results/${events}-plans.md"
  # First without the read cache, logging every statement with its values, so each request's SQL can be replayed
  # (pass 1 below); the figures come from a second run without that logging (pass 2).
  start_app "$base" "$db" Database__CacheReads=false Database__LogParameterValues=true \
    "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
  local log; log=$(ls -t "$work"/logs/*.json | head -n1)
  echo "# Query plans at $events events" >"$plans"
  echo >>"$plans"
  echo "Every statement the app ran for each benchmark request (the read cache off), with SQLite's EXPLAIN QUERY PLAN; written by tests/perf/benchmark.sh on $(date -u '+%Y-%m-%d %H:%M UTC')." >>"$plans"

  local counts
  counts=$(curl -fs "$base/api/events?pageSize=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  local detail_id
  detail_id=$(curl -fs "$base/api/events?year=2024&pageSize=1" | grep -o '"id":[0-9]*' | head -n1 | cut -d: -f2)

  {
    echo "## $events events ($statements_per_event statements per event)"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM (load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)); database $(du -m "$db" | cut -f1) MiB; $counts visible events."
    echo
    echo "### API latency, read cache off (wrk, $connections connection(s), ${duration} s per case)"
    echo
    echo "SQL floor: the statements the app ran for the request (logged in a first run of the app), timed in SQLite through its C API (median of 5 runs each, summed); the app's figures are from a second run without SQL logging; ratio = app p50 / floor. Plan: full scans and temporary B-trees in their query plans ($(basename "$plans"))."
    echo
    echo "| case | query | HTTP | total | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | statements | SQL floor ms | ratio | plan |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
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
    "facet counts, no filter|/api/events/facets"
    "facet counts, venue=Beijing&xiputin=true|/api/events/facets?venue=Beijing&xiputin=true"
    "overview, no filter|/api/overview"
    "overview, participant=xi-jinping|/api/overview?participant=xi-jinping"
  )
  # Pass 1, with SQL logging: each request's statements, replayed for the floor and the plans. Nothing is timed here:
  # logging every command with its values slows the app, so its figures come from pass 2.
  local entry name path total line status offset floor floor_ms statements plan_flags
  declare -A status_of total_of floor_of statements_of plan_of
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    # Warm up (JIT, SQLite page cache), check the answer, and replay this request's statements in sqlite3. The pause
    # lets the previous request finish before this one's log is read.
    sleep 1
    curl -s --max-time 30 -o /dev/null "$base$path" || true
    offset=$(stat -c %s "$log")
    status_of[$name]=$(curl -s --max-time 30 -o "$work/answer.json" -w '%{http_code}' "$base$path" || true)
    total_of[$name]=$(grep -o '"total":[0-9]*' "$work/answer.json" | head -n1 | cut -d: -f2 || true)
    sleep 0.2
    floor=$(python3 "$root/tests/perf/sql-floor.py" --db "$db" --log "$log" --offset "$offset" --plans "$plans" --name "$name: \`$path\`" | grep '^FLOOR' || echo "FLOOR n/a 0 n/a")
    read -r _ floor_ms statements plan_flags <<<"$floor"
    floor_of["$name"]=$floor_ms statements_of["$name"]=$statements plan_of["$name"]=$plan_flags
  done
  local pages=("/" "/?year=2024" "/?venue=Beijing&xiputin=true" "/?q=energy" "/?page=100" "/overview" "/map")
  local page articles size stats
  declare -A articles_of size_of
  for page in "${pages[@]}"; do
    curl -fs --max-time 60 -o /dev/null "$base$page" || true
    offset=$(stat -c %s "$log")
    curl -fs --max-time 60 -o "$work/page.html" "$base$page" || true
    sleep 0.2
    floor=$(python3 "$root/tests/perf/sql-floor.py" --db "$db" --log "$log" --offset "$offset" --plans "$plans" --name "render \`$page\`" | grep '^FLOOR' || echo "FLOOR n/a 0 n/a")
    read -r _ floor_ms statements plan_flags <<<"$floor"
    floor_of["$page"]=$floor_ms statements_of["$page"]=$statements plan_of["$page"]=$plan_flags
    articles_of[$page]=$({ grep -o '<article' "$work/page.html" || true; } | wc -l)
    size_of[$page]=$(( $(stat -c %s "$work/page.html") / 1024 ))
  done

  # Pass 2: the same app, read cache still off, without SQL logging: what is timed.
  stop_app
  start_app "$base" "$db" Database__CacheReads=false
  warm_up "$base" "${cases[@]}"
  for entry in "${cases[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    sleep 1
    for _ in 1 2 3; do curl -s --max-time 30 -o /dev/null "$base$path" || true; done
    line=$(wrk -t1 -c"$connections" -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base$path" | grep '^WRK_RESULT' || true)
    if [ -z "$line" ]; then
      echo "| $name | \`$path\` | ${status_of[$name]} | ${total_of[$name]:--} | failed | | | | | | ${statements_of[$name]} | ${floor_of[$name]} | | ${plan_of[$name]} |" >>"$out"
      continue
    fi
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    # shellcheck disable=SC2154 # set by the eval above
    echo "| $name | \`$path\` | ${status_of[$name]} | ${total_of[$name]:--} | $p50 | $p95 | $p99 | $max | $rps | $errors | ${statements_of[$name]} | ${floor_of[$name]} | $(ratio "$p50" "${floor_of[$name]}") | ${plan_of[$name]} |" >>"$out"
    echo "  $name: p50 $p50 ms, p95 $p95 ms; SQL floor ${floor_of[$name]} ms over ${statements_of[$name]} statement(s)"
  done

  # Timeline: full server-side render (prerender) of the page, HTML only.
  {
    echo
    echo "### Timeline server render, read cache off (curl time_total, $render_runs requests each)"
    echo
    echo "| page | articles | HTML KiB | p50 ms | p95 ms | max ms | statements | SQL floor ms | ratio | plan |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  } >>"$out"
  for page in "${pages[@]}"; do
    for _ in 1 2 3; do curl -fs --max-time 60 -o /dev/null "$base$page" || true; done
    stats=$(for _ in $(seq 1 "$render_runs"); do
      curl -fs --max-time 60 -o /dev/null -w '%{time_total}\n' "$base$page" | awk '{ printf "%.1f\n", $1 * 1000 }'
    done | percentiles)
    read -r p50 p95 max <<<"$stats"
    echo "| \`$page\` | ${articles_of[$page]} | ${size_of[$page]} | $p50 | $p95 | $max | ${statements_of[$page]} | ${floor_of[$page]} | $(ratio "$p50" "${floor_of[$page]}") | ${plan_of[$page]} |" >>"$out"
    echo "  render $page: p50 $p50 ms, p95 $p95 ms"
  done

  # Last with the cache off: many connections leave a backlog of renders the server finishes after wrk stops.
  throughput "$base" "read cache off" "$out"

  # Then as deployed: the read cache on. The same requests repeated (each answered from memory after the first).
  stop_app
  start_app "$base" "$db" Benchmark__MemoryEndpoint=true
  warm_up "$base" "${cases[@]}" "timeline|/"
  {
    echo
    echo "### Repeated requests, read cache on (wrk, $connections connection(s), ${duration} s per case)"
    echo
    echo "| case | query | p50 ms | p95 ms | p99 ms | req/s | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|"
  } >>"$out"
  for entry in "${cases[@]}" "timeline|/" "timeline, venue=Beijing&xiputin=true|/?venue=Beijing&xiputin=true"; do
    name=${entry%%|*}
    path=${entry#*|}
    for _ in 1 2 3; do curl -fs --max-time 60 -o /dev/null "$base$path" || true; done
    line=$(wrk -t1 -c"$connections" -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base$path" | grep '^WRK_RESULT' || true)
    [ -n "$line" ] || { echo "| $name | \`$path\` | failed | | | | |" >>"$out"; continue; }
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    echo "| $name | \`$path\` | $p50 | $p95 | $p99 | $rps | $errors |" >>"$out"
    echo "  repeated $name: p50 $p50 ms, p95 $p95 ms"
  done
  throughput "$base" "read cache on" "$out"

  measure_interactive "$base" "$out"
  measure_first_load "$base" "$out"
  measure_circuits "$base" "$out"
  measure_cold_start "$base" "$db" "$out"
  stop_app
  echo
  cat "$out"
  echo
}

# Cold start, three times: from launching the published app on the database (already migrated and seeded) to the
# first 200 of /health and of / (polled every 20 ms), and the CPU time the app had used by then (user + system, from
# /proc: on a shared machine the wall time mostly measures the neighbours). The app is stopped first; the OS file
# cache stays warm.
measure_cold_start() {
  local base=$1 db=$2 out=$3 run started health page now health_cpu page_cpu
  stop_app
  {
    echo
    echo "### Cold start (process launch to the first 200, polled every 20 ms; OS file cache warm)"
    echo
    echo "| run | /health ms | / ms | CPU until /health ms | CPU until / ms |"
    echo "|---:|---:|---:|---:|---:|"
  } >>"$out"
  for run in 1 2 3; do
    started=$(date +%s%N)
    (
      cd "$web_dir"
      exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Diplomacy="Data Source=$db" \
        Logging__Directory="$work/logs" Seed__Directory="$root/data" Backups__IntervalHours=0 ./DiplomacyTracker.Web >"$work/cold.log" 2>&1
    ) &
    app_pid=$!
    health="" page="" health_cpu="" page_cpu=""
    for _ in $(seq 1 1500); do
      now=$(date +%s%N)
      if [ -z "$health" ] && curl -fs -o /dev/null --max-time 5 "$base/health"; then health=$(( (now - started) / 1000000 )); health_cpu=$(cpu_ms "$app_pid"); fi
      if [ -n "$health" ] && curl -fs -o /dev/null --max-time 30 "$base/"; then page=$(( ($(date +%s%N) - started) / 1000000 )); page_cpu=$(cpu_ms "$app_pid"); break; fi
      sleep 0.02
    done
    echo "| $run | ${health:-failed} | ${page:-failed} | ${health_cpu:--} | ${page_cpu:--} |" >>"$out"
    echo "  cold start $run: /health ${health:-failed} ms, / ${page:-failed} ms (CPU ${health_cpu:--} / ${page_cpu:--} ms)"
    stop_app
  done
}

# User + system CPU time of process $1 in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks).
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo "-"
}

# app p50 / SQL floor, one decimal ("n/a" when either is missing or the floor is 0).
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f", a / b; else print "n/a" }'
}

# Throughput with 64 connections for BENCH_DURATION seconds: the unfiltered API page and the timeline's HTML.
# Before timing, every case for two seconds: the runtime compiles the hot code again, optimised, in the background
# during the first seconds of load, and on two cores that made whichever cases came first 1.5-4x slower (2026-12-03).
# A filtered overview is left out: one request of it (still counted over the matching events) takes about as long as the whole warm-up.
warm_up() {
  local base=$1 entry path
  shift
  for entry in "$@"; do
    path=${entry#*|}
    case $path in */overview\?*) continue ;; esac
    wrk -t1 -c1 -d2s --timeout 10s "$base$path" >/dev/null 2>&1 || true
  done
}

throughput() {
  local base=$1 label=$2 out=$3 path line
  {
    echo
    echo "Throughput, $label (wrk, 2 threads, 64 connections, ${duration} s):"
    echo
    echo "| request | req/s | p50 ms | p95 ms | errors |"
    echo "|---|---:|---:|---:|---:|"
  } >>"$out"
  for path in "/api/events" "/"; do
    line=$(wrk -t2 -c64 -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base$path" | grep '^WRK_RESULT' || true)
    [ -n "$line" ] || { echo "| \`$path\` | failed | | | |" >>"$out"; continue; }
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    echo "| \`$path\` | $rps | $p50 | $p95 | $errors |" >>"$out"
    echo "  throughput ($label) $path: $rps req/s, p95 $p95 ms"
  done
}

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

# Live circuits: holds each of the $circuits sizes of interactive circuits on the timeline with the lightweight client
# (tests/perf/circuits.mjs), each changing a filter every 10 s for $circuit_seconds s; reports the round trip of a filter
# change and the server's memory per circuit (live managed heap and RSS, both after a full collection by dotnet-gcdump).
measure_circuits() {
  local base=$1 out=$2 lines
  dotnet tool restore >/dev/null
  # A thousand WebSockets need more descriptors than the usual soft limit of 1,024.
  lines=$(ulimit -n "$(ulimit -Hn)" 2>/dev/null; timeout 3600 node --experimental-websocket --no-warnings "$root/tests/perf/circuits.mjs" "$base" "$app_pid" "${circuits// /,}" "$circuit_seconds" 2>&1 || true)
  {
    echo
    echo "### Live circuits (lightweight circuit client on \`/\`, each changing a filter every 10 s for ${circuit_seconds} s; read cache on)"
    echo
    echo "Memory per circuit: growth over the baseline after a full collection, divided by the circuits open; idle = just opened, active = after the filter changes. Round trip: from OnLocationChanged to the render batch that shows the result. $(echo "$lines" | grep '^BASELINE' | sed 's/^BASELINE/Baseline:/')."
    echo
    echo "| circuits | live at the end | opened in | heap KiB per circuit, idle | RSS KiB per circuit, idle | heap KiB per circuit, active | RSS KiB per circuit, active | filter changes | p50 ms | p95 ms | max ms | errors | load average |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    echo "$lines" | grep '^ROW' | sed 's/^ROW //'
  } >>"$out"
  echo "$lines" | grep -v '^ROW' | sed 's/^/  /' || true
  echo "$lines" | grep '^ROW' | awk -F' *[|] *' '{ printf "  %s circuits: heap %s KiB per circuit idle, %s active; filter change p95 %s ms, %s errors\n", $2, $5, $7, $11, $13 }'
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

if [ "$circuits_only" = 1 ]; then
  for size in "${sizes[@]}"; do
    # BENCH_DATABASE: an existing database to use instead of the cached one (the app may write to it: use a copy).
    db=${BENCH_DATABASE:-$cache/events-${size}x${statements_per_event}.db}
    [ -f "$db" ] || { echo "No cached database for $size events ($db): run the benchmark for that size once first." >&2; exit 2; }
    out="$results/${size}-circuits.md"
    port=$(free_port)
    start_app "http://127.0.0.1:$port" "$db" Benchmark__MemoryEndpoint=true
    echo "## Live circuits at $size events (load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'))" >"$out"
    measure_circuits "http://127.0.0.1:$port" "$out"
    stop_app
    cat "$out"
  done
  exit 0
fi

for size in "${sizes[@]}"; do
  case $size in ''|*[!0-9]*) echo "Sizes are event counts, e.g. 10000 100000" >&2; exit 2 ;; esac
  run_size "$size"
done
echo "Results written to $results/"
