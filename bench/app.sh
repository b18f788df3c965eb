# Shared by bench/load.sh, bench/startup.sh and bench/cds-archive.sh (source it; not run on its own): builds
# the packaged app when it is missing or older than the sources, starts it on a free port with its own
# temporary data folder, and stops it and removes that folder on exit, also when the calling script fails or
# is interrupted.
# Env: JAR (target/quarkus-app/quarkus-run.jar), BUILD (auto | always | never), CDS_ARCHIVE (a class-data
#      archive in the jar's folder to start with, e.g. app.jsa of bench/cds-archive.sh), APPCDS (1: the
#      jar's app-cds.jsa, i.e. CDS_ARCHIVE=app-cds.jsa), JAVA_OPTS (extra JVM options,
# e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr), READY_TIMEOUT (seconds, 240), STOP_TIMEOUT (seconds
# a stop may take before it is killed, 10), KEEP_LOG (a file to copy the app's log to).

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
  local cds=() archive="${CDS_ARCHIVE:-}"
  # APPCDS=1: the archive of `package -Dquarkus.package.jar.appcds.enabled=true`
  [[ "${APPCDS:-0}" == 1 ]] && archive=app-cds.jsa
  # -Xshare:on so that an unusable archive (another JVM build, changed jars) stops the start instead of being
  # silently ignored
  [[ -n "$archive" ]] && cds=(-Xshare:on -XX:SharedArchiveFile="$archive")
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

# sign_in EMAIL [PASSWORD (default $PASSWORD)]: prints the bw-session cookie of a fresh browser sign-in
# through the /login form; the cookie jar stays in $BENCH_TMP/jar.EMAIL for more requests.
sign_in() {
  local jar="$BENCH_TMP/jar.$1" csrf
  csrf=$(curl -sf -c "$jar" "$APP_URL/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
  [[ -n "$csrf" ]] || die "no csrf-token on /login"
  curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf-token=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=${2:-$PASSWORD}" "$APP_URL/login" || die "sign-in of $1"
  awk '$6 == "bw-session" { print $7 }' "$jar" | grep . || die "no session cookie for $1"
}

# train_cds_archive NAME: writes NAME into the jar's folder, a dynamic class-data-sharing archive of every class
# a production start loads: a training run (prod profile, a throwaway empty H2 database, or the empty database
# of QUARKUS_DATASOURCE_JDBC_URL, which it migrates and gives a first admin) that waits until ready, signs in
# and opens a few pages, and is then stopped
# normally; the JVM writes the archive as it exits. The archive fits only the JVM binary that made it and these
# jar files: make it again after every build and JDK update (a start with -Xshare:auto then ignores it).
train_cds_archive() {
  local name="$1" jar_dir admin password pages=(/ /profile /programs /admin /admin/people)
  jar_dir=$(dirname "$JAR")
  rm -f "$jar_dir/$name"
  admin="${BRIDGEWAY_ADMIN_EMAIL:-admin@bridgeway.local}"
  password=$(head -c 24 /dev/urandom | base64)
  BRIDGEWAY_SESSION_KEY="${BRIDGEWAY_SESSION_KEY:-$(head -c 32 /dev/urandom | base64)}" \
    BRIDGEWAY_ADMIN_EMAIL="$admin" BRIDGEWAY_ADMIN_PASSWORD="$password" \
    CDS_ARCHIVE="" APPCDS=0 start_app prod -XX:ArchiveClassesAtExit="$name" -Xlog:cds=error
  echo "training run ready after $(wait_ready) s"
  sign_in "$admin" "$password" > /dev/null
  for page in "${pages[@]}"; do
    curl -sf -o /dev/null -b "$BENCH_TMP/jar.$admin" "$APP_URL$page" || die "training page $page"
  done
  # the JVM writes the archive after the app stopped: give it time
  STOP_TIMEOUT=120 stop_app
  [[ -s "$jar_dir/$name" ]] || die "no archive $jar_dir/$name written"
  echo "wrote $jar_dir/$name ($(( $(stat -c %s "$jar_dir/$name") / 1048576 )) MB)"
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 $(( ${STOP_TIMEOUT:-10} * 10 ))); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
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
