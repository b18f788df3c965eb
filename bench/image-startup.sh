#!/usr/bin/env bash
# Start-up with the container image's JVM options, without Docker: alternates starts of a PostgreSQL package
# folder with the image's JAVA_OPTS before the trained archive ("before") and with them now ("image"), against
# an existing database, and prints the seconds to the first 200 from /q/health/ready, the CPU seconds by then and
# the RSS 3 s later. Make the archive first with deploy/train-cds.sh APP_DIR (not as root), and give APP_DIR as an
# absolute path: the archive names the jar's path.
#   deploy/train-cds.sh /tmp/deployments
#   APP_DIR=/tmp/deployments QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/bw_st \
#     QUARKUS_DATASOURCE_USERNAME=bw QUARKUS_DATASOURCE_PASSWORD=bw bench/image-startup.sh
# Env: APP_DIR, RUNS (3), PORT (8193), and the QUARKUS_DATASOURCE_* of the database.
set -euo pipefail
APP_DIR="${APP_DIR:?the package folder, absolute}"
RUNS="${RUNS:-3}"
PORT="${PORT:-8193}"
[[ -s "$APP_DIR/app.jsa" ]] || { echo "no $APP_DIR/app.jsa: run deploy/train-cds.sh $APP_DIR first" >&2; exit 1; }
# As deploy/Dockerfile's JAVA_OPTS
BASE="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
IMAGE="-Xshare:on -XX:SharedArchiveFile=$APP_DIR/app.jsa -XX:+UseCompressedOops -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000 $BASE"
LOG=$(mktemp)
APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill -9 "$APP_PID" 2> /dev/null; rm -f "$LOG"' EXIT

start_once() {
  local name="$1" opts="$2" start now cpu rss
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  BRIDGEWAY_SESSION_KEY=$(head -c 32 /dev/urandom | base64) java $opts -Dquarkus.http.port="$PORT" \
    -jar "$APP_DIR/quarkus-run.jar" > "$LOG" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "localhost:$PORT/q/health/ready"; do
    kill -0 "$APP_PID" 2> /dev/null || { tail -20 "$LOG"; echo "the app exited" >&2; exit 1; }
    sleep 0.05
  done
  now=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
  sleep 3
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$APP_PID/status")
  kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; APP_PID=""
  printf '%-7s %8.2f %8s %8s %6s\n' "$name" "$(awk -v a="$now" -v b="$start" 'BEGIN { print (a - b) / 1e9 }')" "$cpu" \
    "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-7s %8s %8s %8s %6s\n' options "ready s" "CPU s" "RSS MB" load
for _ in $(seq 1 "$RUNS"); do
  start_once before "$BASE"
  start_once image "$IMAGE"
done
