#!/usr/bin/env bash
# Runs the container's command (deploy/Dockerfile's ENTRYPOINT) without Docker: the PostgreSQL package in
# target/quarkus-app, with the environment of deploy/kubernetes/configmap.yaml, against a local PostgreSQL;
# then asks the three health endpoints the probes use. Needs python3 with PyYAML, curl, and a package built by
#   ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
# Usage: deploy/local-smoke.sh [jdbc-url] [db-user] [db-password]   (defaults: localhost:5432/bw_deploy, bridgeway)
set -euo pipefail
cd "$(dirname "$0")/.."
APP_DIR=${APP_DIR:-target/quarkus-app}
PORT=${PORT:-18093}

# Every key of the ConfigMap, as the Deployment's envFrom passes it.
eval "$(python3 - <<'PY'
import shlex, yaml
data = yaml.safe_load(open("deploy/kubernetes/configmap.yaml"))["data"]
for key, value in data.items():
    print(f"export {key}={shlex.quote(str(value))}")
PY
)"
# The Secret's keys, with local values; and this machine's database instead of the StatefulSet's.
export BRIDGEWAY_SESSION_KEY=${BRIDGEWAY_SESSION_KEY:-$(head -c 32 /dev/urandom | base64)}
export QUARKUS_DATASOURCE_JDBC_URL=${1:-jdbc:postgresql://localhost:5432/bw_deploy}
export QUARKUS_DATASOURCE_USERNAME=${2:-bridgeway}
export QUARKUS_DATASOURCE_PASSWORD=${3:-bridgeway}
export QUARKUS_MAILER_USERNAME= QUARKUS_MAILER_PASSWORD=
export QUARKUS_HTTP_PORT=$PORT
export BRIDGEWAY_DATA_DIR=$(mktemp -d)
JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

LOG=$(mktemp)
(cd "$APP_DIR" && exec java $JAVA_OPTS -jar quarkus-run.jar) >"$LOG" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fsS "http://localhost:$PORT/q/health/started" >/dev/null 2>&1 && break
    kill -0 $APP_PID 2>/dev/null || { cat "$LOG"; echo "the app stopped" >&2; exit 1; }
    sleep 1
done
for path in /q/health/started /q/health/ready /q/health/live; do
    printf '%s -> ' "$path"
    curl -sS -o /dev/stdout -w ' (HTTP %{http_code})\n' "http://localhost:$PORT$path" | tr -d '\n '; echo
    curl -fsS -o /dev/null "http://localhost:$PORT$path"
done
echo "--- log ($LOG)"; cat "$LOG"
