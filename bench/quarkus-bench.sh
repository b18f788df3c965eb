#!/usr/bin/env bash
# Shared runner of the @QuarkusTest benchmarks (export-bench.sh, import-bench.sh): runs test class CLASS with
# -Dbench.people=PEOPLE in a JVM capped at XMX (default 512m) and an H2 file database under OUT (so the data
# does not sit in the heap), then prints the machine, the BENCH lines and the test summary. Run from the project root:
#   bench/quarkus-bench.sh CLASS OUT PEOPLE
set -euo pipefail
CLASS="$1"
OUT="$2"
PEOPLE="$3"
XMX="${XMX:-512m}"
rm -rf "$OUT" && mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$XMX"
./mvnw -B test -Dtest="$CLASS" -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.http.test-port=0 \
  -DargLine="-Xmx$XMX -Dbench.people=$PEOPLE -D%test.quarkus.datasource.jdbc.url=jdbc:h2:file:$PWD/$OUT/db;DB_CLOSE_ON_EXIT=FALSE" \
  > "$OUT/run.log" 2>&1 || { tail -50 "$OUT/run.log"; exit 1; }
grep -E "^BENCH|Tests run:|OutOfMemory" "$OUT/run.log" | sed 's/^BENCH //'
