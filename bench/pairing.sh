#!/usr/bin/env bash
# Pairing benchmark: solves the public pairing instances and generated 3,000/10,000-person ones with the
# product API (PairingMatcher), validates each with shared/bench/check.py, and prints the match-quality
# ratio against the exact optimum next to the greedy baseline, with time and peak heap.
#   bench/pairing.sh                 # default instance set
#   bench/pairing.sh FILE.json ...   # given instances
# Env: XMX (default 2g), JAVA_OPTS (e.g. -Dbench.reference=true -Dbench.limitLarge=60 -Dbench.maxPeople=50000).
set -euo pipefail
cd "$(dirname "$0")/.."
# (online once: the dependency plugin may not be in ~/.m2 yet)
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null 2>&1 \
  || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
exec java -Xmx"${XMX:-2g}" ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  io.bridgeway.matching.pairing.bench.PairingBenchmark "$@"
