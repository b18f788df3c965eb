#!/usr/bin/env bash
# Fairness simulation (issue 9): R published rounds of one programme on a generated company, through the
# product's round mapping, waiting policy and solvers; waiting policy vs no policy vs random rotation.
#   bench/simulate.sh                       # 2,000 people, 4 rounds, 30% in circles
#   PEOPLE=500 ROUNDS=6 bench/simulate.sh   # other sizes
# Env: PEOPLE (2000), ROUNDS (4), SEED (1, for generate.py), CIRCLE_SHARE (0.3), PAIR_SECONDS (2),
#      CIRCLE_SECONDS (3), OUT (a file for the markdown table), XMX (2g).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared/bench}"
mkdir -p target/simulate
INSTANCE="target/simulate/pairing-${PEOPLE:-2000}-seed${SEED:-1}.json"
python3 "$SHARED/generate.py" pairing --people "${PEOPLE:-2000}" --seed "${SEED:-1}" > "$INSTANCE"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null 2>&1 \
  || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
exec java -Xmx"${XMX:-2g}" ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  io.bridgeway.rounds.FairnessSimulation "$INSTANCE" "${ROUNDS:-4}" "${CIRCLE_SHARE:-0.3}" \
  "${PAIR_SECONDS:-2}" "${CIRCLE_SECONDS:-3}" 7 ${OUT:-}
