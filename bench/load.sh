#!/usr/bin/env bash
# Load test of the packaged app with the demo data (issue 15 "Load"): wrk against four targets at 32 and 64
# connections, then the single-request time of a 250-person round's review page. Builds the app when it is
# missing or stale, starts it on a free port with a temporary H2 database, and stops it and removes its files
# on exit. Run from anywhere:
#   bench/load.sh
#   DURATION=30 CONNECTIONS="16 32 64" bench/load.sh
#   JFR=/tmp/load-jfr TARGETS=profile CONNECTIONS=32 bench/load.sh   # one flight recording per measured run
# Env: DURATION (seconds per wrk run, 15), WARMUP (seconds per target, 8), CONNECTIONS ("32 64"), THREADS (2),
#      TARGETS ("login profile me review"), JFR (a folder: record each measured run, <target>-<conns>.jfr), STRICT (1: exit 3 when a target of the issue is missed), and those
#      of bench/app.sh (JAR, BUILD, JAVA_OPTS, KEEP_LOG).
# Exit: 0 measured, 1 the run failed (build, start, sign-in, round), 3 measured but a target missed (STRICT=1).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-8}"
CONNECTIONS="${CONNECTIONS:-32 64}"
THREADS="${THREADS:-2}"
TARGETS="${TARGETS:-login profile me review}"
EMPLOYEE="kofi.mensah@demo.bridgeway.example"
MANAGER="pm@demo.bridgeway.example"
PASSWORD="bridgeway-demo"
BENCH_NAME=load
# shellcheck source=bench/app.sh
source bench/app.sh

if ! command -v wrk > /dev/null; then
  echo "installing wrk (apt-get)..."
  { apt-get update -qq && apt-get install -y -qq wrk; } > "$BENCH_TMP/apt.log" 2>&1 \
    || { [[ $(id -u) -ne 0 ]] && sudo apt-get install -y -qq wrk; } > "$BENCH_TMP/apt.log" 2>&1 \
    || die "wrk is missing and could not be installed (apt-get install wrk)"
fi

build_if_needed
start_app demo
echo "app ready after $(wait_ready) s on $APP_URL (demo data, H2 in $APP_DIR)"

# api_auth: the Authorization header for GET /api/v1/me. A personal API token made on the profile page
# (POST /profile/api-tokens) when the app has them; otherwise HTTP Basic, which runs bcrypt on every call.
api_auth() {
  local jar="$BENCH_TMP/jar.$EMPLOYEE" csrf page secret
  csrf=$(curl -s -b "$jar" -c "$jar" "$APP_URL/profile/api-tokens" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
  if [[ -n "$csrf" ]]; then
    page=$(curl -s -L -b "$jar" -c "$jar" --data-urlencode "csrf-token=$csrf" --data-urlencode "name=load test" \
      --data-urlencode "password=$PASSWORD" \
      "$APP_URL/profile/api-tokens")
    secret=$(sed -n 's/.*id="new-token-secret">\([^<]*\)<.*/\1/p' <<< "$page" | head -1)
    if [[ -n "$secret" ]]; then
      API_AUTH_KIND="Bearer token from /profile/api-tokens"
      API_HEADER="Bearer $secret"
      return
    fi
  fi
  API_AUTH_KIND="HTTP Basic (NOTE: no API tokens in this build, every call runs bcrypt)"
  API_HEADER="Basic $(printf '%s:%s' "$EMPLOYEE" "$PASSWORD" | base64 -w0)"
}

# start_round: starts a round of the demo programme (about 250 people) as the programme manager and waits
# until its draft is solved; prints the round id.
start_round() {
  local basic="$MANAGER:$PASSWORD" program round state deadline
  program=$(curl -sf -u "$basic" "$APP_URL/api/v1/programs" \
    | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin)["programs"] if p["enrolled"] >= 250))') \
    || die "no demo programme with 250 people"
  round=$(curl -sf -u "$basic" -X POST "$APP_URL/api/v1/programs/$program/rounds" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || die "starting a round of programme $program"
  deadline=$(( $(date +%s) + ${ROUND_TIMEOUT:-600} ))
  while :; do
    state=$(curl -sf -u "$basic" "$APP_URL/api/v1/rounds/$round?size=1" \
      | python3 -c 'import json,sys; r = json.load(sys.stdin); print(r["status"], r["solveState"])') || die "reading round $round"
    [[ "$state" == "DRAFT SOLVED" ]] && break
    [[ "$state" == "DRAFT SOLVING" ]] || die "round $round ended as $state"
    (( $(date +%s) < deadline )) || die "round $round still solving after ${ROUND_TIMEOUT:-600} s"
    sleep 2
  done
  echo "$round"
}

EMPLOYEE_COOKIE=$(sign_in "$EMPLOYEE")
MANAGER_COOKIE=$(sign_in "$MANAGER")
api_auth # sets API_HEADER and API_AUTH_KIND
echo "GET /api/v1/me with $API_AUTH_KIND"
if [[ " $TARGETS " == *" review "* ]]; then
  echo "starting a round of the demo programme and waiting for its draft..."
  ROUND=$(start_round)
  echo "round $ROUND is a solved draft"
fi

# Counts every answer but 200 as an error (wrk itself counts only 4xx/5xx; a 302 to /login is a failure here).
cat > "$BENCH_TMP/status.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  local e = summary.errors
  local none = summary.requests == 0 and 1 or 0 -- no answer at all within the run is an error too
  io.write(string.format("ERRORS %d\n", n + e.connect + e.read + e.write + e.timeout + none))
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests))
end
LUA

# target NAME: prints "path|header" for wrk.
target() {
  case "$1" in
    login) echo "/login|X-Bench: login" ;;
    profile) echo "/profile|Cookie: bw-session=$EMPLOYEE_COOKIE" ;;
    me) echo "/api/v1/me|Authorization: ${API_HEADER}" ;;
    review) echo "/rounds/$ROUND|Cookie: bw-session=$MANAGER_COOKIE" ;;
    *) die "unknown target $1" ;;
  esac
}

# CPU seconds the app has used so far (user + system), from /proc.
app_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"
}

# run_wrk NAME CONNECTIONS SECONDS: prints "req/s p50 p99 errors cpu-ms-per-request". The app's CPU time per
# request is the figure to compare between runs on a busy machine, where req/s mostly measures the neighbours.
run_wrk() {
  local spec path header out before after
  spec=$(target "$1"); path="${spec%%|*}"; header="${spec#*|}"
  before=$(app_cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$2" -d"${3}s" --timeout 5s -s "$BENCH_TMP/status.lua" -H "$header" "$APP_URL$path") \
    || die "wrk on $1"
  after=$(app_cpu_ticks)
  awk -v ticks=$(( after - before )) -v hz="$(getconf CLK_TCK)" \
    '/^RESULT/ { r = $2 " " $3 " " $4; n = $5 } /^ERRORS/ { e = $2 }
     END { printf "%s %s %.2f\n", r, e, n ? ticks * 1000 / hz / n : 0 }' <<< "$out"
}

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS, ${DURATION}s per run"
printf '%-9s %5s %10s %9s %9s %7s %12s\n' target conns "req/s" "p50 ms" "p99 ms" errors "cpu ms/req"
declare -A RPS P99 ERR
for name in $TARGETS; do
  run_wrk "$name" 32 "$WARMUP" > /dev/null # JIT, caches, connection pools
  for c in $CONNECTIONS; do
    if [[ -n "${JFR:-}" ]]; then
      mkdir -p "$JFR"
      jcmd "$APP_PID" JFR.start name=load settings=profile > /dev/null || die "jcmd JFR.start"
    fi
    result=$(run_wrk "$name" "$c" "$DURATION")
    if [[ -n "${JFR:-}" ]]; then
      jcmd "$APP_PID" JFR.stop name=load filename="$(realpath "$JFR")/$name-$c.jfr" > /dev/null || die "jcmd JFR.stop"
    fi
    read -r rps p50 p99 errors cpu <<< "$result"
    printf '%-9s %5s %10s %9s %9s %7s %12s\n' "$name" "$c" "$rps" "$p50" "$p99" "$errors" "$cpu"
    RPS[$name.$c]=$rps; P99[$name.$c]=$p99; ERR[$name.$c]=$errors
  done
done

MISSED=0
check() { # check DESCRIPTION CONDITION(awk)
  if awk "BEGIN { exit !($2) }"; then echo "  ok      $1"; else echo "  MISSED  $1"; MISSED=1; fi
}
echo
if [[ " $TARGETS " == *" review "* ]]; then
  times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: bw-session=$MANAGER_COOKIE" "$APP_URL/rounds/$ROUND")")
  done
  [[ "${times[*]}" != *000* ]] || die "review page did not answer"
  REVIEW_MS=$(printf '%s\n' "${times[@]}" | awk '$1 != 200 { bad = 1 } { print $2 * 1000 } END { if (bad) exit 1 }' \
    | sort -n | sed -n 3p) || die "review page answered ${times[*]}"
  echo "review page of round $ROUND, single request: median of 5 = ${REVIEW_MS} ms"
fi
echo "targets (issue 15):"
errors_total=0
for key in "${!ERR[@]}"; do errors_total=$(( errors_total + ERR[$key] )); done
check "0 errors (all runs: $errors_total)" "$errors_total == 0"
if [[ -n "${RPS[login.32]:-}" && -n "${RPS[profile.32]:-}" ]]; then
  for c in $CONNECTIONS; do
    check "profile >= 40% of login throughput at $c connections (${RPS[profile.$c]} / ${RPS[login.$c]})" \
      "${RPS[profile.$c]} >= 0.4 * ${RPS[login.$c]}"
  done
fi
for name in login profile me; do # the review page has its own target: one render < 150 ms
  if [[ -n "${P99[$name.32]:-}" ]]; then
    check "$name p99 < 50 ms at 32 connections (${P99[$name.32]} ms)" "${P99[$name.32]} < 50"
  fi
done
if [[ -n "${REVIEW_MS:-}" ]]; then
  check "review page < 150 ms (${REVIEW_MS} ms)" "$REVIEW_MS < 150"
fi
if [[ "$MISSED" == 1 && "${STRICT:-0}" == 1 ]]; then
  exit 3
fi
exit 0
