#!/usr/bin/env bash
# Export benchmark: a generated round of PEOPLE participants (default 10,000: 5,000 pairs, 3 circle meetings
# of 5) exported in every format and content over HTTP by the real app code (a @QuarkusTest JVM capped at
# XMX, default 512m, with an H2 file database so the data does not sit in the heap). Prints one line per
# export: rows or events, size, seconds and the heap's peak during the export. Run from the project root:
#   bench/export-bench.sh [PEOPLE]
set -euo pipefail
exec "$(dirname "$0")/quarkus-bench.sh" RoundExportBench target/bench-export "${1:-10000}"
