#!/usr/bin/env bash
# Two app instances on one shared database behind nginx, and a browser smoke test through the proxy:
#
#   bash tests/scale-out/two-instances.sh
#
# Installs nginx (and Chromium) from Debian when missing, builds the app and the browser tests, starts instance 1
# (it migrates and seeds the database) and then instance 2 on loopback ports, and nginx in front of them with
# docs/deployment/nginx-diplomacy.conf (its own config, pid, logs and temp files in a temporary folder; no system
# service). Then tests/DiplomacyTracker.BrowserTests/ScaleOut runs through the proxy: an editor signs in and adds a
# visit, a second browser on the other instance sees it, the editor's instance is killed, and a reader who was on it
# is served by the other while the editor gets the unsaved draft back. Finally the proxy must still answer.
#
# The database comes from the environment, as the app reads it: Database__Provider (default SQLite) and
# ConnectionStrings__Diplomacy (default: a new SQLite file in the temporary folder; required for any other provider,
# and it must be an empty or disposable database). SCALEOUT_SKIP_BUILD=1 reuses the last build. Logs of both instances
# and nginx are kept in test-artifacts/scale-out/, screenshots in test-artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_apt=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v curl >/dev/null || need_apt+=(curl)
command -v ss >/dev/null || need_apt+=(iproute2)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} from Debian."
  sudo_cmd=""; [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian's package starts a system nginx on port 80; this script needs none.
  $sudo_cmd systemctl disable --now nginx >/dev/null 2>&1 || true
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

provider=${Database__Provider:-SQLite}
work=$(mktemp -d /tmp/diplomacy-scale-out.XXXXXX)
artifacts="$root/test-artifacts/scale-out"
rm -rf "$artifacts"; mkdir -p "$artifacts"
if [ -z "${ConnectionStrings__Diplomacy:-}" ]; then
  if [ "${provider,,}" != "sqlite" ]; then
    echo "Set ConnectionStrings__Diplomacy to an empty $provider database for the test." >&2; exit 2
  fi
  export ConnectionStrings__Diplomacy="Data Source=$work/diplomacy.db"
fi
export Database__Provider=$provider

pids=()
nginx_pid=""
cleanup() {
  status=$?
  [ -z "$nginx_pid" ] || kill -QUIT "$nginx_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  cp -r "$work"/logs-* "$work"/nginx-*.log "$work/nginx.conf" "$artifacts/" 2>/dev/null || true
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Hltn "sport = :$port" | grep -q . && [[ " ${taken:-} " != *" $port "* ]]; then taken="${taken:-} $port"; echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "Nothing answered at $1" >&2; return 1
}

if [ "${SCALEOUT_SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the app and the browser tests..."
  dotnet build "$root/tests/DiplomacyTracker.BrowserTests" -nologo -clp:ErrorsOnly -v q
fi
web_dll="$root/src/DiplomacyTracker.Web/bin/Debug/net10.0/DiplomacyTracker.Web.dll"

editor_email=editor@example.org
editor_password="scale-out smoke $(date +%s)"
start_instance() { # number, port
  mkdir -p "$work/logs-$1"
  ASPNETCORE_ENVIRONMENT=Production \
  Admin__Email=$editor_email Admin__Password="$editor_password" \
  ReverseProxy__KnownProxies__0=127.0.0.1 \
  Logging__Directory="$work/logs-$1" Backups__IntervalHours=0 \
    dotnet "$web_dll" --urls "http://127.0.0.1:$2" >"$work/logs-$1/console.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$2/health" 120
  echo "Instance $1 on 127.0.0.1:$2 (pid $!)"
}

port1=$(free_port); port2=$(free_port); proxy_port=$(free_port)
# One after the other: the first start migrates and seeds; the second finds the database ready.
start_instance 1 "$port1"
start_instance 2 "$port2"

# The shipped site config with this run's ports, plus a header naming the instance that answered (for the test).
mkdir -p "$work/nginx-temp"
sed -e "s/server 127.0.0.1:5081 /server 127.0.0.1:$port1 /" -e "s/server 127.0.0.1:5082 /server 127.0.0.1:$port2 /" \
    -e "s/listen 80;/listen 127.0.0.1:$proxy_port;/" \
    -e 's/add_header Set-Cookie $dt_affinity_cookie always;/&\n        add_header X-Upstream $upstream_addr always;/' \
    "$root/docs/deployment/nginx-diplomacy.conf" >"$work/site.conf"
grep -q "127.0.0.1:$port1 " "$work/site.conf" && grep -q "127.0.0.1:$port2 " "$work/site.conf" && grep -q "X-Upstream" "$work/site.conf" \
  || { echo "docs/deployment/nginx-diplomacy.conf no longer has the lines this script fills in" >&2; exit 1; }
{
  [ "$(id -u)" != "0" ] || echo "user root;"
  cat <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx-temp/body;
    proxy_temp_path $work/nginx-temp/proxy;
    fastcgi_temp_path $work/nginx-temp/fastcgi;
    uwsgi_temp_path $work/nginx-temp/uwsgi;
    scgi_temp_path $work/nginx-temp/scgi;
    include $work/site.conf;
}
NGINX
} >"$work/nginx.conf"
"$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf"
"$nginx_bin" -p "$work" -c "$work/nginx.conf" -g "daemon off;" &
nginx_pid=$!
wait_for "http://127.0.0.1:$proxy_port/health" 30
echo "nginx on 127.0.0.1:$proxy_port (pid $nginx_pid), provider $provider"

echo "Smoke test through the proxy..."
SCALEOUT_PROXY_URL="http://127.0.0.1:$proxy_port" \
SCALEOUT_INSTANCES="127.0.0.1:$port1=${pids[0]},127.0.0.1:$port2=${pids[1]}" \
SCALEOUT_EDITOR_EMAIL=$editor_email SCALEOUT_EDITOR_PASSWORD="$editor_password" \
  dotnet test "$root/tests/DiplomacyTracker.BrowserTests" --no-build -nologo --filter "FullyQualifiedName~DiplomacyTracker.BrowserTests.ScaleOut"

# One instance was killed by the test; the proxy still answers from the other.
alive=0
for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
[ "$alive" = "1" ] || { echo "Expected one instance left running, found $alive" >&2; exit 1; }
for _ in 1 2 3 4 5; do
  curl -fsS -o /dev/null "http://127.0.0.1:$proxy_port/" || { echo "The proxy stopped serving after one instance died" >&2; exit 1; }
done
echo "Two instances behind nginx: OK (one killed, the other kept serving)."
