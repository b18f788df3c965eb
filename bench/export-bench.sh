#!/usr/bin/env bash
# Export benchmark: a generated round of PEOPLE participants (default 10,000: 5,000 pairs, 3 circle meetings
# of 5) exported in every format and content over HTTP by the real app code (a @QuarkusTest JVM capped at
# XMX, default 512m, with an H2 file database so the data does not sit in the heap). Prints one line per
# export: rows or events, size, seconds and the heap's peak during the export. Run from the project root:
#   bench/export-bench.sh [PEOPLE]
set -euo pipefail
PEOPLE="${1:-10000}"
XMX="${XMX:-512m}"
OUT=target/bench-export
rm -rf "$OUT" && mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$XMX"
./mvnw -B test -Dtest=RoundExportBench -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.http.test-port=0 \
  -DargLine="-Xmx$XMX -Dbench.people=$PEOPLE -D%test.quarkus.datasource.jdbc.url=jdbc:h2:file:$PWD/$OUT/db;DB_CLOSE_ON_EXIT=FALSE" \
  > "$OUT/run.log" 2>&1 || { tail -50 "$OUT/run.log"; exit 1; }
grep -E "^BENCH|Tests run:|OutOfMemory" "$OUT/run.log" | sed 's/^BENCH //'
