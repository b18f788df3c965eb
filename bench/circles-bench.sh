#!/usr/bin/env bash
# Circles benchmark: the golfer table (3 seeds each; a run stops as soon as it has no repeats),
# circles-200-availability and a ~2,000-person instance with availability beside the random-rotation baseline,
# each run within SECONDS (default 60) and validated by shared/bench/check.py; then the swap search's
# steps per second on 8-4-9 and 9-4-9 (one search, no OptaPlanner). Run from the project root:
# bench/circles-bench.sh [SECONDS]
set -euo pipefail
SECONDS_LIMIT="${1:-60}"
SHARED="${SHARED:-../shared/bench}"
OUT=target/bench-circles
mkdir -p "$OUT"
GOLFERS=()
for spec in 8-4-9:8:4:9 9-4-9:9:4:9 10-4-9:10:4:9 8-4-10:8:4:10 10-4-10:10:4:10; do
  IFS=: read -r name g s w <<<"$spec"
  [ -f "$OUT/golfers-$name.json" ] || python3 "$SHARED/generate.py" golfers --groups "$g" --size "$s" --weeks "$w" > "$OUT/golfers-$name.json"
  GOLFERS+=("$OUT/golfers-$name.json")
done
# --people is the company size; about 70 % join circles, so 2930 gives 2,035 members (4 rounds, history).
[ -f "$OUT/circles-2035-availability.json" ] || python3 "$SHARED/generate.py" circles --people 2930 --rounds 4 --history \
  --availability --seed 1 > "$OUT/circles-2035-availability.json"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
echo "nproc $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dseeds=3 -cp "$CP" io.bridgeway.matching.circles.bench.CirclesBenchmark "$SECONDS_LIMIT" "$SHARED/check.py" \
  "${GOLFERS[@]}" "$SHARED/instances/circles-200-availability.json" "$OUT/circles-2035-availability.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "steps per second (one search, 10 s, 2 seeds: best repeats/seconds/steps/perturbations/steps per second):"
echo "golfer tabu search (GolferTabu, the default for instances without soft rules):"
java -cp "$CP" io.bridgeway.matching.circles.solver.SwapSearchTuning 10 2 4 4 15 100 "$OUT/golfers-8-4-9.json" "$OUT/golfers-9-4-9.json"
echo "the swap search's own repeat phase (-Dgolfer=off, as before GolferTabu):"
java -Dgolfer=off -cp "$CP" io.bridgeway.matching.circles.solver.SwapSearchTuning 10 2 4 4 15 100 "$OUT/golfers-8-4-9.json" "$OUT/golfers-9-4-9.json"
