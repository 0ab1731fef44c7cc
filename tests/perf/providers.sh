#!/usr/bin/env bash
# SQLite beside PostgreSQL: bash tests/perf/providers.sh [EVENT_COUNT ...]   (default: 100000 1000000)
#
# For each size: the benchmark's synthetic SQLite database (generated as benchmark.sh does, cached in
# test-artifacts/perf/), copied into a throwaway PostgreSQL cluster with the app's own copy-database (timed), then the
# published Release app run on each in turn with the read cache off, measuring the same requests:
#   API latency p50/p95 per filter (wrk, 1 connection, BENCH_DURATION s per case), the timeline's server render
#   (curl, BENCH_RENDER_RUNS requests), and throughput on the unfiltered page with 64 connections.
# Writes docs/perf-results/providers-<size>.md (git-ignored) for docs/performance.md to quote. The cluster is the
# tests' (tests/postgres/cluster.sh: fsync off, default memory settings), on the same 2 cores as the app: it shows
# what the provider costs the app here, not what a tuned server on its own machine would do.
#
# BENCH_POSTGRES_CLUSTER=<folder of a running tests/postgres/cluster.sh cluster> measures on that cluster instead, and
# copies a size only when its database (bench_<size>) is not there yet: a million events take the copy about an hour,
# and a re-run of the measurements need not pay it again. The cluster is left running.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
duration=${BENCH_DURATION:-10}
render_runs=${BENCH_RENDER_RUNS:-30}
statements_per_event=${BENCH_STATEMENTS_PER_EVENT:-10}
results="$root/docs/perf-results"
mkdir -p "$results"

# shellcheck source=tests/perf/common.sh
source "$root/tests/perf/common.sh"
install_missing_tools
publish_app
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  dotnet build "$root/tests/DiplomacyTracker.DataGenerator" -c Release -nologo -clp:ErrorsOnly -v q
fi
gen_exe=$(ls "$root"/tests/DiplomacyTracker.DataGenerator/bin/Release/net*/DiplomacyTracker.DataGenerator | head -n1)

if [ -n "${BENCH_POSTGRES_CLUSTER:-}" ]; then
  pg_dir=$BENCH_POSTGRES_CLUSTER
  pg_server="Host=127.0.0.1;Port=$(cat "$pg_dir/port");Username=diplomacy_tests;Database=postgres"
  trap cleanup EXIT
else
  pg_dir="$work/postgres"
  pg_server=$("$root/tests/postgres/cluster.sh" start "$pg_dir")
  trap '"$root/tests/postgres/cluster.sh" stop "$pg_dir"; cleanup' EXIT
fi
psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql

cases=(
  "no filter, page 1|/api/events"
  "year=2024|/api/events?year=2024"
  "venue=Beijing|/api/events?venue=Beijing"
  "participant=xi-jinping|/api/events?participant=xi-jinping"
  "xiputin=true|/api/events?xiputin=true"
  "topic=ukraine|/api/events?topic=ukraine"
  "q=energy|/api/events?q=energy"
  "q=lunar station|/api/events?q=lunar%20station"
  "q=普京 (Chinese)|/api/events?q=%E6%99%AE%E4%BA%AC"
  "combination|/api/events?yearFrom=2015&yearTo=2024&venue=Moscow&participant=vladimir-putin&q=energy"
  "deep page (page=1000)|/api/events?page=1000"
  "participants|/api/participants"
  "facet counts, no filter|/api/events/facets"
  "overview, participant=xi-jinping|/api/overview?participant=xi-jinping"
)
pages=("/" "/?venue=Beijing&xiputin=true" "/?q=energy")

# Measures the running app at $1; appends "name|p50|p95" lines to $2.
measure() {
  local base=$1 out=$2 entry name path line
  for entry in "${cases[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    for _ in 1 2 3; do curl -s --max-time 60 -o /dev/null "$base$path" || true; done
    line=$(wrk -t1 -c1 -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base$path" | grep '^WRK_RESULT' || true)
    if [ -z "$line" ]; then echo "$name|failed|failed" >>"$out"; continue; fi
    eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
    # shellcheck disable=SC2154 # set by the eval above
    echo "$name|$p50|$p95|$errors" >>"$out"
    echo "  $name: p50 $p50 ms, p95 $p95 ms"
  done
  local page stats
  for page in "${pages[@]}"; do
    for _ in 1 2 3; do curl -fs --max-time 60 -o /dev/null "$base$page" || true; done
    stats=$(for _ in $(seq 1 "$render_runs"); do
      curl -fs --max-time 60 -o /dev/null -w '%{time_total}\n' "$base$page" | awk '{ printf "%.1f\n", $1 * 1000 }'
    done | percentiles)
    read -r p50 p95 _ <<<"$stats"
    echo "render $page|$p50|$p95|0" >>"$out"
    echo "  render $page: p50 $p50 ms, p95 $p95 ms"
  done
  line=$(wrk -t2 -c64 -d"${duration}s" --timeout 30s -s "$root/tests/perf/latency.lua" "$base/api/events" | grep '^WRK_RESULT' || true)
  eval "$(echo "$line" | sed 's/^WRK_RESULT //')"
  echo "64 connections, /api/events (req/s)|$rps|$p95|$errors" >>"$out"
  echo "  64 connections: $rps req/s, p95 $p95 ms, $errors errors"
}

for events in "${sizes[@]}"; do
  db="$cache/events-${events}x${statements_per_event}.db"
  if generated_database_is_stale "$db"; then
    echo "Generating $events events x $statements_per_event statements -> $db"
    "$gen_exe" --database "$db" --events "$events" --statements-per-event "$statements_per_event" --data "$root/data"
  fi
  pg="$(echo "$pg_server" | sed "s/Database=postgres/Database=bench_${events}/")"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  port=$(cat "$pg_dir/port")
  # A copy is one transaction: a database with events in it is a whole copy.
  if [ "$("$psql_bin" -At -h 127.0.0.1 -p "$port" -U diplomacy_tests -d "bench_${events}" -c 'SELECT EXISTS (SELECT 1 FROM "Events")' 2>/dev/null)" = t ]; then
    echo "bench_${events} is already on the cluster: not copied again."
    copy_note="the PostgreSQL database was copied earlier with copy-database (not timed in this run)"
  else
    echo "Copying $db into PostgreSQL..."
    copy_start=$(date +%s.%N)
    (cd "$web_dir" && env ConnectionStrings__Diplomacy="Data Source=$db" Logging__Directory="$work/logs" Seed__Directory="$root/data" \
      ./DiplomacyTracker.Web copy-database PostgreSQL "$pg" | tail -n +2 >"$work/copy.txt")
    copy_s=$(awk -v s="$copy_start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
    copy_note="copy-database SQLite → PostgreSQL took ${copy_s} s and verified $(grep -c ' rows ' "$work/copy.txt") tables"
  fi
  # The role is not a superuser: the shared catalogs are skipped, with a warning each, which says nothing here.
  "$psql_bin" -q -h 127.0.0.1 -p "$port" -U diplomacy_tests -d "bench_${events}" -c "VACUUM ANALYZE;" 2>&1 | grep -v 'only superuser can' || true
  pg_size=$("$psql_bin" -At -h 127.0.0.1 -p "$port" -U diplomacy_tests -d "bench_${events}" -c "SELECT pg_database_size(current_database()) / 1048576;")

  : >"$work/sqlite.txt"; : >"$work/postgres.txt"
  base="http://127.0.0.1:$(free_port)"
  start_app "$base" "$db" Database__CacheReads=false
  echo "SQLite, $events events:"; measure "$base" "$work/sqlite.txt"; stop_app
  base="http://127.0.0.1:$(free_port)"
  start_app "$base" "$db" Database__CacheReads=false Database__Provider=PostgreSQL ConnectionStrings__Diplomacy="$pg"
  echo "PostgreSQL, $events events:"; measure "$base" "$work/postgres.txt"; stop_app

  out="$results/providers-${events}.md"
  {
    echo "## SQLite and PostgreSQL at $events events ($statements_per_event statements per event)"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)); read cache off; SQLite file $(du -m "$db" | cut -f1) MiB, PostgreSQL database $pg_size MiB; $copy_note."
    echo
    echo "| case | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms | PostgreSQL / SQLite (p50) |"
    echo "|---|---:|---:|---:|---:|---:|"
    paste -d'|' "$work/sqlite.txt" "$work/postgres.txt" | awk -F'|' '{ r = ($2 > 0 && $6 > 0) ? sprintf("%.1f×", $6 / $2) : "n/a"; printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $6, $7, r }'
  } >"$out"
  cat "$out"
done
