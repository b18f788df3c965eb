#!/usr/bin/env bash
# HR import benchmark: a generated CSV of PEOPLE rows (default 10,000) imported over HTTP by the real app code
# (PeopleImportBench, a @QuarkusTest with an H2 file database, heap capped at XMX, default 512m): a dry run, the
# first import, an unchanged re-import and a re-import changing every title. Prints seconds per step; each must
# stay under 30 s. Run from the project root:
#   bench/import-bench.sh [PEOPLE]
set -euo pipefail
exec "$(dirname "$0")/quarkus-bench.sh" PeopleImportBench target/bench-import "${1:-10000}"
