# Shared by bench/load.sh and bench/startup.sh (source it; not run on its own): builds the packaged app when
# it is missing or older than the sources, starts it on a free port with its own temporary data folder, and
# stops it and removes that folder on exit, also when the calling script fails or is interrupted.
# Env: JAR (target/quarkus-app/quarkus-run.jar), BUILD (auto | always | never), APPCDS (1: use the jar's
#      app-cds.jsa), JAVA_OPTS (extra JVM options,
# e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr), READY_TIMEOUT (seconds, 240), KEEP_LOG (a file to copy
# the app's log to).

JAR="${JAR:-target/quarkus-app/quarkus-run.jar}"
APP_PID=""
APP_DIR=""
BENCH_TMP=$(mktemp -d "/tmp/bridgeway-${BENCH_NAME:-bench}.XXXX")

bench_cleanup() {
  stop_app
  [[ -n "${BENCH_TMP:-}" ]] && rm -rf "$BENCH_TMP"
  return 0
}

die() {
  echo "FAILED: $*" >&2
  if [[ -n "$APP_DIR" && -f "$APP_DIR/app.log" ]]; then
    echo "--- last lines of the app log ---" >&2
    tail -40 "$APP_DIR/app.log" >&2
  fi
  exit 1
}

build_if_needed() {
  local mode="${BUILD:-auto}"
  if [[ "$mode" == never ]]; then
    [[ -f "$JAR" ]] || die "no $JAR and BUILD=never"
    return
  fi
  if [[ "$mode" == always || ! -f "$JAR" || -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "building the packaged app (./mvnw package -DskipTests)..."
    ./mvnw -B -q package -DskipTests > "$BENCH_TMP/build.log" 2>&1 || { tail -40 "$BENCH_TMP/build.log"; die "build"; }
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_app PROFILE [more -D options...]: sets APP_PID, APP_PORT, APP_URL, APP_DIR, APP_STARTED_NS.
start_app() {
  local profile="$1"
  shift
  APP_DIR=$(mktemp -d "$BENCH_TMP/app.XXXX")
  APP_PORT=$(free_port)
  APP_URL="http://127.0.0.1:$APP_PORT"
  APP_STARTED_NS=$(date +%s%N)
  local cds=()
  # APPCDS=1: the archive of `package -Dquarkus.package.jar.appcds.enabled=true`, -Xshare:on so that an
  # unusable archive stops the start instead of being ignored
  [[ "${APPCDS:-0}" == 1 ]] && cds=(-Xshare:on -XX:SharedArchiveFile=app-cds.jsa)
  # From the jar's folder: the archive names its class path relative to it (quarkus-run.jar).
  # shellcheck disable=SC2086
  (cd "$(dirname "$JAR")" && exec java ${JAVA_OPTS:-} "${cds[@]}" -Dquarkus.profile="$profile" \
    -Dquarkus.http.port="$APP_PORT" -Dquarkus.http.host=127.0.0.1 -Dbridgeway.data-dir="$APP_DIR" "$@" \
    -jar "$(basename "$JAR")" > "$APP_DIR/app.log" 2>&1) &
  APP_PID=$!
}

# wait_ready: polls /q/health/ready; prints the seconds from start to the first 200.
wait_ready() {
  local deadline=$(( $(date +%s) + ${READY_TIMEOUT:-240} ))
  while ! curl -sf -o /dev/null "$APP_URL/q/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited before it was ready"
    (( $(date +%s) < deadline )) || die "the app was not ready within ${READY_TIMEOUT:-240} s"
    sleep 0.05
  done
  awk -v now="$(date +%s%N)" -v start="$APP_STARTED_NS" 'BEGIN { printf "%.2f\n", (now - start) / 1e9 }'
}

# Resident memory of the app in MB.
app_rss_mb() {
  echo $(( $(ps -o rss= -p "$APP_PID") / 1024 ))
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_LOG:-}" && -n "$APP_DIR" && -f "$APP_DIR/app.log" ]]; then
    cp "$APP_DIR/app.log" "$KEEP_LOG"
  fi
  APP_PID=""
}

trap bench_cleanup EXIT
trap 'exit 130' INT TERM
