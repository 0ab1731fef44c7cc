#!/usr/bin/env bash
# Crash test: bash tests/ops/crash-test.sh [ROUNDS] [WRITERS]      (default: 20 rounds, 4 writers)
#
# Each round starts the published app on the same SQLite database, lets WRITERS clients post events through the write
# API as fast as they are answered (each records the ids the server acknowledged with 201), kills the app with
# SIGKILL after 2-6 s, and then checks the database file as the next start would find it: every acknowledged write is
# there, and PRAGMA integrity_check says ok. Prints one line per round and a summary; exits 1 on any loss or damage.
# Installs sqlite3, curl and nodejs from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
rounds=${1:-20}
writers=${2:-4}
work="$root/test-artifacts/crash-test"
rm -rf "$work"
mkdir -p "$work"

need_apt=()
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
command -v curl >/dev/null || need_apt+=(curl)
command -v node >/dev/null || need_apt+=(nodejs)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Publishing the app (Release)..."
dotnet publish "$root/src/DiplomacyTracker.Web" -c Release -o "$work/publish" -nologo -clp:ErrorsOnly -v q
db="$work/diplomacy.db"
key="crash-test-key-0123456789abcdef"
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
app_pid=""
writer_pids=()
cleanup() {
  for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "$app_pid" ] || kill -9 "$app_pid" 2>/dev/null || true
}
trap cleanup EXIT

acknowledged_total=0
lost_total=0
damaged=0
echo "Crash test: $rounds rounds, $writers writers, database $db (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq 1 "$rounds"); do
  (
    cd "$work/publish"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Diplomacy="Data Source=$db" \
      Logging__Directory="$work/logs" Seed__Directory="$root/data" Editing__ApiKeys__crash="$key" Backups__IntervalHours=0 \
      exec ./DiplomacyTracker.Web >>"$work/app.log" 2>&1
  ) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.25; done
  curl -fs "$base/health" >/dev/null || { echo "round $round: the app did not start"; tail -n 30 "$work/app.log"; exit 1; }

  acked="$work/acknowledged-$round.txt"
  : >"$acked"
  writer_pids=()
  for w in $(seq 1 "$writers"); do
    node "$root/tests/ops/writer.mjs" "$base" "$key" "$acked" "r${round}w${w}" 2>>"$work/writers.log" &
    writer_pids+=($!)
  done

  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 2 + (r % 400) / 100 }')"
  kill -9 "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  for pid in "${writer_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  writer_pids=()

  # The database as the next start finds it (sqlite3 replays the WAL like the app would).
  count=$(sort -u "$acked" | grep -c . || true)
  missing=0
  if [ "$count" -gt 0 ]; then
    present=$(sqlite3 "$db" "SELECT COUNT(*) FROM Events WHERE Id IN ($(sort -u "$acked" | paste -sd, -));")
    missing=$((count - present))
  fi
  check=$(sqlite3 "$db" "PRAGMA integrity_check;")
  [ "$check" = "ok" ] || damaged=$((damaged + 1))
  acknowledged_total=$((acknowledged_total + count))
  lost_total=$((lost_total + missing))
  echo "round $round: $count acknowledged, $missing missing, integrity_check: $check"
done

echo
echo "Summary: $rounds rounds of $writers concurrent writers killed with SIGKILL; $acknowledged_total acknowledged writes, $lost_total lost, $damaged damaged database(s). Events in the database: $(sqlite3 "$db" 'SELECT COUNT(*) FROM Events;')."
[ "$lost_total" -eq 0 ] && [ "$damaged" -eq 0 ]
