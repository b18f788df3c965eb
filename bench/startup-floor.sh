#!/usr/bin/env bash
# The start-up floor of the decided stack (issue 15 "Start-up"): how long plain `java -jar` takes to become
# ready for reference apps built from this project's pom.xml (same Quarkus platform, same plugin set-up) with
# almost no code of their own, next to Bridgeway itself. Each reference app keeps only some of Bridgeway's
# dependencies:
#   rest      quarkus-rest and health, one endpoint: the framework's own start;
#   orm       rest + Hibernate ORM with Panache, Flyway and H2: one entity, one migration, on an H2 file;
#   stack     every Bridgeway dependency (OIDC, mailer, Qute, OpenAPI, OptaPlanner, POI, ...), with that one
#             entity, one migration and one Qute template.
# Then RUNS rounds of restarts (prod profile, each on a database made by an unmeasured first start),
# alternating the apps, with the same readiness probe as bench/startup.sh.
#   bench/startup-floor.sh
#   RUNS=5 APPS="orm bridgeway" bench/startup-floor.sh
# Env: RUNS (3), APPS ("rest orm stack bridgeway"), and those of bench/app.sh (BUILD for Bridgeway's own jar).
# Needs the Maven repository of a first `./mvnw package` (the reference apps build offline).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
APPS="${APPS:-rest orm stack bridgeway}"
BENCH_NAME=startup-floor
# shellcheck source=bench/app.sh
source bench/app.sh
PROJECT="$PWD"

# reference_app NAME DEPENDENCY-PATTERN...: a project in $BENCH_TMP/NAME whose pom keeps the dependency lines
# of Bridgeway's pom matching a pattern (every dependency there is one line), plus the test framework.
reference_app() {
  local name="$1" dir="$BENCH_TMP/$1"
  shift
  mkdir -p "$dir/src/main/java/floor" "$dir/src/main/resources/db/migration" \
    "$dir/src/main/resources/templates/Hello"
  cp -r "$PROJECT/mvnw" "$PROJECT/.mvn" "$dir/"
  python3 - "$PROJECT/pom.xml" "$dir/pom.xml" quarkus-junit5 "$@" <<'EOF'
import sys
source, target, keep = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = open(source).read().split('\n')
kept = [l for l in lines if '<dependency><groupId>' not in l or any(k in l for k in keep)]
open(target, 'w').write('\n'.join(kept))
EOF
  cat > "$dir/src/main/resources/application.properties" <<'EOF'
quarkus.devservices.enabled=false
quarkus.datasource.db-kind=h2
quarkus.datasource.jdbc.url=jdbc:h2:file:${bridgeway.data-dir}/floor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0
quarkus.datasource.username=floor
quarkus.datasource.password=floor
quarkus.hibernate-orm.schema-management.strategy=none
quarkus.flyway.migrate-at-start=true
quarkus.oidc.tenant-enabled=false
quarkus.oidc.application-type=web-app
EOF
  if [[ "$name" == rest ]]; then
    cat > "$dir/src/main/java/floor/Hello.java" <<'EOF'
package floor;
@jakarta.ws.rs.Path("/hello")
public class Hello { @jakarta.ws.rs.GET public String get() { return "hello"; } }
EOF
    return
  fi
  cat > "$dir/src/main/java/floor/Thing.java" <<'EOF'
package floor;
@jakarta.persistence.Entity
public class Thing extends io.quarkus.hibernate.orm.panache.PanacheEntity { public String name; }
EOF
  echo 'create sequence Thing_SEQ start with 1 increment by 50; create table Thing (id bigint primary key, name varchar(255));' \
    > "$dir/src/main/resources/db/migration/V1__thing.sql"
  if [[ "$name" == orm ]]; then
    cat > "$dir/src/main/java/floor/Hello.java" <<'EOF'
package floor;
@jakarta.ws.rs.Path("/hello")
public class Hello {
  @jakarta.ws.rs.GET @jakarta.transaction.Transactional public String get() { return "things: " + Thing.count(); }
}
EOF
  else
    cat > "$dir/src/main/java/floor/Hello.java" <<'EOF'
package floor;
@jakarta.ws.rs.Path("/hello")
public class Hello {
  @io.quarkus.qute.CheckedTemplate static class Templates { static native io.quarkus.qute.TemplateInstance hello(long count); }
  @jakarta.ws.rs.GET @jakarta.transaction.Transactional
  public io.quarkus.qute.TemplateInstance get() { return Templates.hello(Thing.count()); }
}
EOF
    echo '<p>things: {count}</p>' > "$dir/src/main/resources/templates/Hello/hello.html"
  fi
}

declare -A jar_of
for app in $APPS; do
  case "$app" in
    bridgeway) build_if_needed; jar_of[$app]="$PROJECT/$JAR"; continue ;;
    rest) reference_app rest 'quarkus-rest</artifactId>' quarkus-smallrye-health ;;
    orm) reference_app orm 'quarkus-rest</artifactId>' quarkus-smallrye-health hibernate-orm-panache quarkus-flyway quarkus-jdbc-h2 ;;
    stack) reference_app stack '<dependency><groupId>' ;;
    *) die "unknown app $app (rest, orm, stack, bridgeway)" ;;
  esac
  echo "building the reference app $app..."
  (cd "$BENCH_TMP/$app" && ./mvnw -B -q -o package -DskipTests > build.log 2>&1) \
    || { tail -30 "$BENCH_TMP/$app/build.log"; die "build of $app"; }
  jar_of[$app]="$BENCH_TMP/$app/target/quarkus-app/quarkus-run.jar"
done

BRIDGEWAY_SESSION_KEY=$(head -c 32 /dev/urandom | base64)
export BRIDGEWAY_SESSION_KEY
declare -A data_of
for app in $APPS; do
  data_of[$app]="$BENCH_TMP/data-$app"
  mkdir -p "${data_of[$app]}"
  JAR="${jar_of[$app]}" start_app prod -Dbridgeway.data-dir="${data_of[$app]}"
  echo "$app: database made by a first start, ready after $(wait_ready) s (not counted)"
  stop_app
done

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-10s %9s %7s %9s %8s\n' run app "ready s" "CPU s" "classes" "RSS MB"
for run in $(seq 1 "$RUNS"); do
  for app in $APPS; do
    JAR="${jar_of[$app]}" start_app prod -Dbridgeway.data-dir="${data_of[$app]}"
    ready=$(wait_ready)
    cpu=$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$APP_PID/stat")
    classes=$(jcmd "$APP_PID" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=//p')
    printf '%-4s %-10s %9s %7s %9s %8s\n' "$run" "$app" "$ready" "$cpu" "${classes:-?}" "$(app_rss_mb)"
    stop_app
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
