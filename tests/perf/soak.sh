#!/usr/bin/env bash
# Soak benchmark: bash tests/perf/soak.sh [MINUTES] [IDLE_SECONDS]      (default: 30 minutes, then 120 s idle)
#
# Starts the published Release build on a fresh copy of the curated seed and, for MINUTES, keeps up at steady rates:
# API reads (filters and single events), API writes by key (create, update with If-Match, soft-delete) and interactive
# circuits (headless Chromium tabs opening a page, waiting for its circuit and closing); see tests/perf/soak.mjs for
# the rates and their knobs. Reports per minute the requests, p95 latencies, errors and the server's memory (RSS), the
# p95 of the first and the last minutes, errors and warnings in the app's log, and whether memory came back near its
# baseline after IDLE_SECONDS without load: RSS, and the live managed heap after a full collection (dotnet-gcdump). Writes docs/perf-results/soak.md (git-ignored) for docs/performance.md.
# Exits 1 on any error. Not part of tests/run.sh (it takes half an hour). BENCH_SKIP_BUILD=1 reuses the last publish.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
minutes=${1:-30}
idle=${2:-120}
results="$root/docs/perf-results"
mkdir -p "$results"
out="$results/soak.md"

# shellcheck source=tests/perf/common.sh
source "$root/tests/perf/common.sh"
install_missing_tools
publish_app
dotnet tool restore >/dev/null   # dotnet-gcdump weighs the live managed heap (soak.mjs)

key="soak-benchmark-key-0123456789abcdef"
port=$(free_port)
base="http://127.0.0.1:$port"
start_app "$base" "$work/soak.db" Editing__ApiKeys__soak="$key"
start_browser

{
  echo "## Soak: $minutes minutes"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM (load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)); published Release build on the curated seed; reads $(printenv SOAK_READS_PER_SECOND || echo 10)/s, writes $(printenv SOAK_WRITES_PER_SECOND || echo 1)/s, $(printenv SOAK_TABS || echo 3) tabs open at a time, each for $(printenv SOAK_TAB_SECONDS || echo 15) s."
  echo
  echo "| minute | reads | read p95 ms | writes | write p95 ms | circuits | interactive p95 ms | errors | RSS MiB | load |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$out"
echo "Soaking for $minutes minutes (then $idle s idle); one line per minute at the end."
timeout $((minutes * 60 + idle + 300)) node --experimental-websocket --no-warnings "$root/tests/perf/soak.mjs" \
  "$base" "$cdp_port" "$key" "$app_pid" "$minutes" "$idle" >"$work/soak.log" 2>&1 || { cat "$work/soak.log"; exit 1; }
stop_browser
grep '^|' "$work/soak.log" >>"$out"

read -r _ _ _ read_start read_end reads < <(grep '^SUMMARY p95 read ' "$work/soak.log")
read -r _ _ _ write_start write_end writes < <(grep '^SUMMARY p95 write ' "$work/soak.log")
read -r _ _ _ circuit_start circuit_end circuits < <(grep '^SUMMARY p95 circuit ' "$work/soak.log")
read -r _ _ window < <(grep '^SUMMARY window ' "$work/soak.log")
read -r _ _ errors < <(grep '^SUMMARY errors ' "$work/soak.log")
read -r _ _ before warm end after_idle < <(grep '^SUMMARY memory ' "$work/soak.log")
read -r _ _ heap_warm heap_idle rss_gc rss_anon rss_file rss_shmem < <(grep '^SUMMARY heap ' "$work/soak.log")
log_errors=$(cat "$work"/logs/*.json 2>/dev/null | grep -c '"Level":"\(Error\|Fatal\)"' || true)
log_warnings=$(cat "$work"/logs/*.json 2>/dev/null | grep -c '"Level":"Warning"' || true)
# The distinct messages behind them (JSON log: one event per line), most frequent first.
log_messages=$(cat "$work"/logs/*.json 2>/dev/null | grep '"Level":"\(Error\|Fatal\|Warning\)"' \
  | sed -n 's/.*"Level":"\([A-Za-z]*\)".*"MessageTemplate":"\([^"]*\)".*/\1: \2/p; s/.*"MessageTemplate":"\([^"]*\)".*"Level":"\([A-Za-z]*\)".*/\2: \1/p' \
  | sort | uniq -c | sort -rn | head -n 5 || true)
peak=$(( $(hwm_kib "$app_pid") / 1024 ))
stop_app

{
  echo
  echo "| | first $window min p95 ms | last $window min p95 ms | total |"
  echo "|---|---:|---:|---:|"
  echo "| API reads | $read_start | $read_end | $reads |"
  echo "| API writes | $write_start | $write_end | $writes |"
  echo "| circuits (until interactive) | $circuit_start | $circuit_end | $circuits |"
  echo
  echo "Memory (RSS): $before MiB after start, $warm MiB after the first minute, $end MiB at the end of the load, **$after_idle MiB after $idle s idle**; peak $peak MiB."
  echo "Live managed heap after a full collection: $heap_warm MiB after the first minute, **$heap_idle MiB after idling**; RSS after that collection $rss_gc MiB: $rss_anon MiB anonymous (managed and native heaps), $rss_file MiB mapped files (assemblies, native libraries), $rss_shmem MiB shared (the runtime's double-mapped executable memory)."
  echo "Errors: $errors in the load (unexpected status, network failure, circuit failure or overload); $log_errors errors and $log_warnings warnings in the app's log."
  grep '^ERROR\|^dotnet gcdump' "$work/soak.log" | sed 's/^/- /' || true
  [ -z "$log_messages" ] || echo "$log_messages" | sed 's/^ *\([0-9]*\) /- log, \1 times: /'
} >>"$out"
cat "$out"
[ "$errors" = 0 ] && [ "$log_errors" = 0 ]
