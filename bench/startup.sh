#!/usr/bin/env bash
# Start-up of the packaged app (issue 15 "Start-up"): RUNS starts of `java -jar` in the production profile,
# without demo data. Prints the seconds until /q/health/ready first answers 200, Quarkus's own "started in",
# the CPU seconds used by then, and the resident memory (RSS) after start and after IDLE seconds of idling.
# Builds the app when missing or stale; stops it and removes its files on exit. Targets: ready < 3 s, idle
# RSS < 400 MB.
#   bench/startup.sh
#   RUNS=5 DB=existing ARCHIVES="none app.jsa" bench/startup.sh
# Env: RUNS (3), IDLE (5 seconds), PROFILE (prod), STRICT (1: exit 3 when a target is missed),
#      DB (empty: each start on an empty H2 database, so it migrates it and creates the first admin;
#          existing: an unmeasured first start makes the database, then each run restarts on it),
#      ARCHIVES (none: plain `java -jar`; a list such as "none app.jsa" alternates the starts without and
#          with that class-data archive of bench/cds-archive.sh, made here when missing or older than the jar,
#          used with -Xshare:on so that an archive the JVM rejects fails the run),
#      and those of bench/app.sh (JAR, BUILD, JAVA_OPTS, KEEP_LOG).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
IDLE="${IDLE:-5}"
DB="${DB:-empty}"
ARCHIVES="${ARCHIVES:-none}"
BENCH_NAME=startup
# shellcheck source=bench/app.sh
source bench/app.sh

[[ "$DB" == empty || "$DB" == existing ]] || die "DB must be empty or existing, not $DB"
build_if_needed
for archive in $ARCHIVES; do
  if [[ "$archive" != none && ( ! -f "$(dirname "$JAR")/$archive" || "$JAR" -nt "$(dirname "$JAR")/$archive" ) ]]; then
    echo "making the class-data archive $archive (training run)..."
    train_cds_archive "$archive"
  fi
done

# A fresh session key each start: production refuses to start without one.
new_session_key() {
  BRIDGEWAY_SESSION_KEY=$(head -c 32 /dev/urandom | base64)
  export BRIDGEWAY_SESSION_KEY
}

db_options=()
if [[ "$DB" == existing ]]; then
  db_options=(-Dbridgeway.data-dir="$BENCH_TMP/db")
  new_session_key
  CDS_ARCHIVE="" start_app "${PROFILE:-prod}" "${db_options[@]}"
  echo "database made by a first start, ready after $(wait_ready) s (not counted)"
  stop_app
fi

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=${JAVA_OPTS:-none}, DB=$DB"
printf '%-4s %-12s %9s %14s %11s %9s %13s\n' run archive "ready s" "started in s" "CPU s" "RSS MB" "idle RSS MB"
declare -A missed
for run in $(seq 1 "$RUNS"); do
  for archive in $ARCHIVES; do
    new_session_key
    cds=""
    [[ "$archive" != none ]] && cds="$archive"
    CDS_ARCHIVE="$cds" start_app "${PROFILE:-prod}" "${db_options[@]}"
    ready=$(wait_ready)
    rss=$(app_rss_mb)
    # CPU time until ready: on a busy machine the wall time mostly measures the neighbours
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
    sleep "$IDLE"
    idle=$(app_rss_mb)
    started=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$APP_DIR/app.log" | head -1)
    printf '%-4s %-12s %9s %14s %11s %9s %13s\n' "$run" "$archive" "$ready" "${started:-?}" "$cpu" "$rss" "$idle"
    awk "BEGIN { exit !($ready < 3 && $idle < 400) }" || missed[$archive]=1
    stop_app
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
MISSED=0
for archive in $ARCHIVES; do
  if [[ -z "${missed[$archive]:-}" ]]; then
    echo "targets ($archive): ok (ready < 3 s, idle RSS < 400 MB in every run)"
  else
    echo "targets ($archive): MISSED in at least one run (ready < 3 s, idle RSS < 400 MB)"
    MISSED=1
  fi
done
if [[ "$MISSED" == 1 && "${STRICT:-0}" == 1 ]]; then
  exit 3
fi
exit 0
