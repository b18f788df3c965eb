#!/usr/bin/env bash
# Makes APP_DIR/app.jsa, a class-data archive of the classes a production start loads, for the container image
# (deploy/Dockerfile's "train" stage): a training start of the PostgreSQL package against a throw-away
# PostgreSQL cluster, stopped normally once it is ready and has answered a few requests; the JVM writes the
# archive as it exits. Starting with -XX:SharedArchiveFile=app.jsa then takes about a quarter less CPU
# (docs/benchmarks.md). Needs bash, coreutils, PostgreSQL's server binaries (initdb, pg_ctl; on the PATH or in
# /usr/lib/postgresql/*/bin) and the very JVM and jar path the image starts with; no curl, no network.
# Runs as a user that may run initdb (not root).
#   deploy/train-cds.sh /deployments
# Env: JAVA (java), TRAIN_PORT (18080), PG_PORT (15432).
set -euo pipefail

APP_DIR=$(cd "${1:?usage: train-cds.sh APP_DIR}" && pwd)
JAVA="${JAVA:-java}"
TRAIN_PORT="${TRAIN_PORT:-18080}"
PG_PORT="${PG_PORT:-15432}"
WORK=$(mktemp -d)
APP_PID=""

die() { echo "train-cds: $*" >&2; exit 1; }

pg_bin() {
  local dir
  if command -v initdb > /dev/null; then
    dir=$(dirname "$(readlink -f "$(command -v initdb)")")
    [[ -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
  fi
  for dir in /usr/lib/postgresql/*/bin; do [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }; done
  die "no PostgreSQL server binaries (initdb and pg_ctl) found"
}
PG_BIN=$(pg_bin)

cleanup() {
  [[ -n "$APP_PID" ]] && kill -9 "$APP_PID" 2> /dev/null
  "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The status code of GET path (with optional extra header lines), over bash's /dev/tcp: the image has no curl.
http_status() {
  local path="$1" header="${2:-}" line
  exec 3<> "/dev/tcp/127.0.0.1/$TRAIN_PORT" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\n%sConnection: close\r\n\r\n' "$path" "${header:+$header$'\r\n'}" >&3
  IFS=' ' read -t 10 -r _ line _ <&3 || line=""
  exec 3<&-
  echo "$line"
}

# A password even for this throw-away cluster: a build on the host's network would otherwise open a superuser
# to every local process for the half minute it runs.
db_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$db_password" > "$WORK/pwfile"
"$PG_BIN/initdb" -D "$WORK/pg" -U bridgeway --auth=scram-sha-256 --pwfile="$WORK/pwfile" > "$WORK/initdb.log" 2>&1 \
  || die "initdb: $(cat "$WORK/initdb.log")"
"$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" -w start > /dev/null \
  || die "PostgreSQL did not start"

admin=admin@bridgeway.local
password=$(head -c 24 /dev/urandom | base64)
rm -f "$APP_DIR/app.jsa"
# The same -jar path as the image's start: the archive names it, and a start from another path ignores it.
# -Xmx1g and compressed pointers, as the image's starts have (JAVA_OPTS): a big build host's default heap would
# turn them off and make an archive no such start can use, without a word.
(cd "$APP_DIR" && exec env BRIDGEWAY_SESSION_KEY="$(head -c 32 /dev/urandom | base64)" \
  BRIDGEWAY_ADMIN_EMAIL="$admin" BRIDGEWAY_ADMIN_PASSWORD="$password" BRIDGEWAY_DATA_DIR="$WORK/data" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  QUARKUS_DATASOURCE_USERNAME=bridgeway QUARKUS_DATASOURCE_PASSWORD="$db_password" \
  "$JAVA" -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" -Xlog:cds=error -Xmx1g -XX:+UseCompressedOops \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$TRAIN_PORT" -jar "$APP_DIR/quarkus-run.jar" > "$WORK/app.log" 2>&1) &
APP_PID=$!

for _ in $(seq 1 600); do
  [[ "$(http_status /q/health/ready 2> /dev/null)" == 200 ]] && break
  kill -0 "$APP_PID" 2> /dev/null || die "the app exited before it was ready: $(tail -20 "$WORK/app.log")"
  sleep 0.2
done
[[ "$(http_status /q/health/ready)" == 200 ]] || die "the app was not ready within 120 s"
# A few first requests, so that their classes (sign-in, templates, JSON) are in the archive too.
auth="Authorization: Basic $(printf '%s:%s' "$admin" "$password" | base64 -w0)"
for request in "/login|" "/api/v1/me|$auth" "/q/health/live|"; do
  status=$(http_status "${request%%|*}" "${request#*|}") || status="no answer"
  [[ "$status" == 200 ]] || die "training request ${request%%|*} answered $status"
done

kill "$APP_PID"
# the JVM writes the archive after the app has stopped
for _ in $(seq 1 1200); do kill -0 "$APP_PID" 2> /dev/null || break; sleep 0.1; done
kill -0 "$APP_PID" 2> /dev/null && die "the app did not stop within 120 s"
wait "$APP_PID" || true
APP_PID=""
[[ -s "$APP_DIR/app.jsa" ]] || die "no archive written: $(tail -20 "$WORK/app.log")"
echo "train-cds: wrote $APP_DIR/app.jsa ($(( $(stat -c %s "$APP_DIR/app.jsa") / 1048576 )) MB)"
