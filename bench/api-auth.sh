#!/usr/bin/env bash
# How fast the JSON API authenticates: N sequential GET /api/v1/me calls (one keep-alive connection) with
# HTTP Basic, with a personal API token (Bearer) and, for comparison, with a page's session cookie; then wrk
# at 16 connections for each. Starts the packaged app with the demo data (build it first:
# ./mvnw -B package -DskipTests) on PORT in a fresh data folder, unless BASE_URL points at a running one.
#   bench/api-auth.sh [N]        # default 100; PORT (default 8093), WRK_SECONDS (default 10, 0 = no wrk),
#                                # WARMUP (default 200: untimed calls of each kind first, so the JIT is warm)
set -euo pipefail
N=${1:-100}
PORT=${PORT:-8093}
WRK_SECONDS=${WRK_SECONDS:-10}
WARMUP=${WARMUP:-200}
USER_EMAIL=pm@demo.bridgeway.example
USER_PASSWORD=bridgeway-demo
WORK=$(mktemp -d)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
  BASE_URL=http://localhost:$PORT
  [ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
  java -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dbridgeway.data-dir="$WORK/data" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$BASE_URL/q/health/ready" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
    sleep 1
  done
  # the demo company is loaded in the background after start: wait until its manager can sign in
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$USER_EMAIL:$USER_PASSWORD" "$BASE_URL/api/v1/me")" = 200 ] && break
    sleep 1
  done
fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

# A browser session (login form with its CSRF token), then a personal API token made on the profile page.
JAR="$WORK/cookies"
csrf() { curl -s -b "$JAR" -c "$JAR" "$BASE_URL$1" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }
TOKEN=$(csrf /login)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "email=$USER_EMAIL" --data-urlencode "password=$USER_PASSWORD" \
  --data-urlencode "csrf-token=$TOKEN" "$BASE_URL/login"
TOKEN=$(csrf /profile/api-tokens)
SECRET=$(curl -s -b "$JAR" -c "$JAR" --data-urlencode "name=bench $(date +%s%N)" --data-urlencode "expiresOn=" \
  --data-urlencode "password=$USER_PASSWORD" \
  --data-urlencode "csrf-token=$TOKEN" "$BASE_URL/profile/api-tokens" | sed -n 's/.*id="new-token-secret">\([^<]*\)<.*/\1/p')
[ -n "$SECRET" ] || { echo "could not make an API token" >&2; exit 1; }
SESSION=$(awk '$6 == "bw-session" { print $7 }' "$JAR")

BASIC="Authorization: Basic $(printf '%s' "$USER_EMAIL:$USER_PASSWORD" | base64 -w0)"
BEARER="Authorization: Bearer $SECRET"
COOKIE="Cookie: bw-session=$SESSION"

# N calls in one curl process over one connection; prints the wall time and the status codes seen.
sequential() {
  local name=$1 header=$2 config="$WORK/curl-$1.cfg"
  : > "$config"
  for _ in $(seq 1 "$N"); do printf 'url = "%s/api/v1/me"\noutput = "/dev/null"\n' "$BASE_URL" >> "$config"; done
  local start end
  start=$(date +%s%N)
  codes=$(curl -s -H "$header" -w '%{http_code}\n' -K "$config" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
  end=$(date +%s%N)
  printf '%-7s %d sequential calls: %5d ms (%s)\n' "$name" "$N" $(((end - start) / 1000000)) "$codes"
}
# The session cookie opens pages only. Its baseline: GET /login while signed in (authentication plus a redirect,
# no other work), and GET /profile (authentication plus a page).
sequential_page() {
  local path=$1 config="$WORK/curl-page.cfg" start end
  : > "$config"
  for _ in $(seq 1 "$N"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE_URL" "$path" >> "$config"; done
  start=$(date +%s%N)
  codes=$(curl -s -H "$COOKIE" -w '%{http_code}\n' -K "$config" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
  end=$(date +%s%N)
  printf '%-7s %d sequential calls: %5d ms (%s) [GET %s]\n' cookie "$N" $(((end - start) / 1000000)) "$codes" "$path"
}
warm() {
  local config="$WORK/curl-warm.cfg"
  : > "$config"
  for _ in $(seq 1 "$WARMUP"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE_URL" "$2" >> "$config"; done
  [ "$WARMUP" -gt 0 ] && curl -s -H "$1" -K "$config" > /dev/null
  return 0
}
warm "$BASIC" /api/v1/me; warm "$BEARER" /api/v1/me; warm "$COOKIE" /login; warm "$COOKIE" /profile
sequential basic "$BASIC"
sequential bearer "$BEARER"
sequential_page /login
sequential_page /profile

if [ "$WRK_SECONDS" -gt 0 ] && command -v wrk > /dev/null; then
  for run in "basic|$BASIC|/api/v1/me" "bearer|$BEARER|/api/v1/me" "cookie|$COOKIE|/login" "cookie|$COOKIE|/profile"; do
    IFS='|' read -r name header path <<< "$run"
    printf '%-7s wrk 16 connections %ss on %s: ' "$name" "$WRK_SECONDS" "$path"
    wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -H "$header" "$BASE_URL$path" \
      | awk '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
             END { printf "%s req/s, p50 %s, p99 %s, non-2xx %s\n", rps, p50, p99, bad ? bad : 0 }'
  done
fi
