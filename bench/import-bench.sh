#!/usr/bin/env bash
# HR import benchmark: a generated CSV of PEOPLE rows (default 10,000) imported over HTTP by the real app code
# (PeopleImportBench, a @QuarkusTest with an H2 file database, heap capped at XMX, default 512m): a dry run, the
# first import, an unchanged re-import and a re-import changing every title. Prints seconds per step; each must
# stay under 30 s. Run from the project root:
#   bench/import-bench.sh [PEOPLE]
set -euo pipefail
PEOPLE="${1:-10000}"
XMX="${XMX:-512m}"
OUT=target/bench-import
rm -rf "$OUT" && mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$XMX"
./mvnw -B test -Dtest=PeopleImportBench -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.http.test-port=0 \
  -DargLine="-Xmx$XMX -Dbench.people=$PEOPLE -D%test.quarkus.datasource.jdbc.url=jdbc:h2:file:$PWD/$OUT/db;DB_CLOSE_ON_EXIT=FALSE" \
  > "$OUT/run.log" 2>&1 || { tail -50 "$OUT/run.log"; exit 1; }
grep -E "^BENCH|Tests run:|OutOfMemory" "$OUT/run.log" | sed 's/^BENCH //'
