#!/usr/bin/env bash
# Password spraying against a running app: wrk sends wrong HTTP Basic passwords for 200 accounts from
# 127.0.0.1 on 20 connections, while a valid API call from 127.0.0.2 is timed once a second.
# Shows what the login throttle buys: after the first failures the guesses cost no bcrypt.
#   bench/login-spray.sh [BASE_URL] [SECONDS]     # default http://localhost:8080 20
# Needs wrk (apt-get install wrk) and the demo data (pm@demo.bridgeway.example / bridgeway-demo).
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-20}
GOOD=$(printf '%s' "pm@demo.bridgeway.example:bridgeway-demo" | base64 -w0)
SCRIPT=$(mktemp --suffix=.lua)
trap 'rm -f "$SCRIPT"' EXIT
{
  printf 'headers = {'
  for i in $(seq 0 199); do printf '"%s",' "$(printf 'person%s@demo.bridgeway.example:wrong-%s' "$i" "$i" | base64 -w0)"; done
  printf '}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n'
  printf '  return wrk.format("GET", "/api/v1/me", {["Authorization"] = "Basic " .. headers[(counter %% #headers) + 1]})\nend\n'
} > "$SCRIPT"
time_valid() { curl -s -o /dev/null -w "valid call: %{http_code} in %{time_total}s\n" --interface 127.0.0.2 -H "Authorization: Basic $GOOD" "$BASE/api/v1/me"; }
echo "before:"; time_valid; time_valid
wrk -t2 -c20 -d"${SECONDS_TO_RUN}s" -s "$SCRIPT" "$BASE" > /tmp/login-spray-wrk.txt 2>&1 &
WRK=$!
echo "during:"
for _ in $(seq 2 "$SECONDS_TO_RUN"); do sleep 1; time_valid; done
wait $WRK
cat /tmp/login-spray-wrk.txt
