#!/usr/bin/env bash
# Circles benchmark: golfer instances, circles-435-history and circles-200-availability, each solved once within SECONDS (default 60),
# validated by shared/bench/check.py. Run from the project root: bench/circles-bench.sh [SECONDS]
set -euo pipefail
SECONDS_LIMIT="${1:-60}"
SHARED="${SHARED:-../shared/bench}"
mkdir -p target/bench-circles
for spec in 8-4-9:8:4:9 10-4-9:10:4:9 9-4-9:9:4:9 8-4-10:8:4:10; do
  IFS=: read -r name g s w <<<"$spec"
  [ -f "target/bench-circles/golfers-$name.json" ] || python3 "$SHARED/generate.py" golfers --groups "$g" --size "$s" --weeks "$w" > "target/bench-circles/golfers-$name.json"
done
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.bridgeway.matching.circles.bench.CirclesBenchmark \
  "$SECONDS_LIMIT" "$SHARED/check.py" \
  "$SHARED/instances/golfers-5-3-7.json" "$SHARED/instances/golfers-8-4-8.json" \
  target/bench-circles/golfers-8-4-9.json target/bench-circles/golfers-10-4-9.json \
  target/bench-circles/golfers-9-4-9.json target/bench-circles/golfers-8-4-10.json \
  "$SHARED/instances/circles-68.json" "$SHARED/instances/circles-435-history.json" \
  "$SHARED/instances/circles-200-availability.json"
