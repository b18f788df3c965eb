#!/usr/bin/env bash
# Start-up of the packaged app (issue 15 "Start-up"): RUNS starts of `java -jar` in the production profile on an
# empty temporary H2 database (so each start migrates it and creates the first admin), without demo data. Prints
# the seconds until /q/health/ready first answers 200, Quarkus's own "started in", the CPU seconds used by then,
# and the resident memory (RSS)
# after start and after IDLE seconds of idling. Builds the app when missing or stale; stops it and removes its
# files on exit. Targets: ready < 3 s, idle RSS < 400 MB.
#   bench/startup.sh
#   RUNS=5 JAVA_OPTS="-Xmx256m" bench/startup.sh
# Env: RUNS (3), IDLE (5 seconds), PROFILE (prod), STRICT (1: exit 3 when a target is missed), and those of
#      bench/app.sh (JAR, BUILD, JAVA_OPTS, KEEP_LOG).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
IDLE="${IDLE:-5}"
BENCH_NAME=startup
# shellcheck source=bench/app.sh
source bench/app.sh

build_if_needed
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-none}"
printf '%-4s %9s %14s %11s %9s %13s\n' run "ready s" "started in s" "CPU s" "RSS MB" "idle RSS MB"
MISSED=0
for run in $(seq 1 "$RUNS"); do
  # A fresh session key each run: production refuses to start without one.
  BRIDGEWAY_SESSION_KEY=$(head -c 32 /dev/urandom | base64)
  export BRIDGEWAY_SESSION_KEY
  start_app "${PROFILE:-prod}"
  ready=$(wait_ready)
  rss=$(app_rss_mb)
  # CPU time until ready: on a busy machine the wall time mostly measures the neighbours
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
  sleep "$IDLE"
  idle=$(app_rss_mb)
  started=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$APP_DIR/app.log" | head -1)
  printf '%-4s %9s %14s %11s %9s %13s\n' "$run" "$ready" "${started:-?}" "$cpu" "$rss" "$idle"
  awk "BEGIN { exit !($ready < 3 && $idle < 400) }" || MISSED=1
  stop_app
done
[[ "$MISSED" == 0 ]] && echo "targets: ok (ready < 3 s, idle RSS < 400 MB in every run)" \
  || echo "targets: MISSED in at least one run (ready < 3 s, idle RSS < 400 MB)"
if [[ "$MISSED" == 1 && "${STRICT:-0}" == 1 ]]; then
  exit 3
fi
exit 0
