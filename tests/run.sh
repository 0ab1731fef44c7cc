#!/usr/bin/env bash
# Runs every test, browser tests included, from a fresh clone: installs Chromium and PostgreSQL through apt when they
# are missing, restores the local dotnet tools, checks formatting, builds with warnings as errors, and runs the test
# projects on SQLite and the integration tests once more on a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the browser tests need: Chromium (driven by Playwright; no browser is downloaded) and CJK fonts
# (so Chinese names in the screenshots are readable instead of boxes).
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -qi cjk || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} from Debian."
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build DiplomacyTracker.sln -nologo -clp:ErrorsOnly
dotnet format DiplomacyTracker.sln --verify-no-changes --no-restore

results=$(mktemp -d)
status=0

# A throwaway PostgreSQL cluster (installed from Debian when missing), for the copy between databases and for the
# integration tests' second run below; stopped and deleted however the run ends.
pg_dir="$results/postgres"
trap 'tests/postgres/cluster.sh stop "$pg_dir"' EXIT
DIPLOMACY_TEST_POSTGRES=$(tests/postgres/cluster.sh start "$pg_dir")
export DIPLOMACY_TEST_POSTGRES

# Every test project on the embedded default, SQLite.
dotnet test DiplomacyTracker.sln --no-build --logger "trx" --results-directory "$results" | tee "$results/console.log" || status=$?
# The integration tests again with the record on PostgreSQL (Database:Provider=PostgreSQL); the browser and component
# tests drive the same app through the same data layer, so they run once.
DIPLOMACY_TEST_PROVIDER=PostgreSQL dotnet test tests/DiplomacyTracker.Tests --no-build --logger "trx;LogFilePrefix=postgres" --results-directory "$results" \
  | sed -u 's/^\(Passed!\|Failed!\)\(.*\)$/\1\2 (PostgreSQL)/' | tee -a "$results/console.log" || status=$?
# The benchmark's circuit client (protocol framing and codec; Node's built-in test runner, no packages).
if command -v node >/dev/null; then
  node --test tests/perf/blazor-circuit.test.mjs >"$results/node.log" 2>&1 || { status=1; cat "$results/node.log"; }
  grep -E '^# (pass|fail)' "$results/node.log" | tr '\n' ' ' | sed 's/^/circuit client tests: /'; echo
else
  echo "circuit client tests: skipped (no node)"
fi

# One plain closing line for CI: totals over all test projects.
awk '/^(Passed!|Failed!)/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$results/console.log"
exit $status
