#!/usr/bin/env bash
# Solver scale (issue 15): pairing at 1k, 5k, 10k, 20k and 50k people, circles at about 1k, 5k and 10k people over
# 4 rounds, each in its own JVM (-Xmx2g) so that /usr/bin/time's max RSS is that size's peak; the benchmarks
# themselves print the heap pools' peak (pairing) and check.py's verdict. Generated instances go to target/.
#   bench/scale.sh                  # everything (about 15 minutes on an idle 2-core machine)
#   bench/scale.sh pairing|circles  # one half
# Env: SHARED (default ../shared/bench), SECONDS_LIMIT (circles, default 60), XMX (default 2g).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared/bench}"
WHAT="${1:-all}"
XMX="${XMX:-2g}"
mkdir -p target/bench target/bench-circles target/bench-scale
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null 2>&1 \
  || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
echo "nproc $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$WHAT" = all ] || [ "$WHAT" = pairing ]; then
  for spec in 1000:1 5000:1 10000:1 20000:4 50000:5; do
    IFS=: read -r people seed <<<"$spec"
    f="target/bench/pairing-$people-seed$seed.json"
    [ -f "$f" ] || python3 "$SHARED/generate.py" pairing --people "$people" --seed "$seed" > "$f"
    /usr/bin/time -f "  max RSS %M KB, wall %e s, user %U s" -o target/bench-scale/time.txt \
      java -Xmx"$XMX" -cp "$CP" io.bridgeway.matching.pairing.bench.PairingBenchmark "$f" | grep -v '^instance' || true
    cat target/bench-scale/time.txt
  done
fi
if [ "$WHAT" = all ] || [ "$WHAT" = circles ]; then
  # generate.py's --people is the company size; about 70 % join circles: 1430 -> 1,015, 7150 -> 5,042, 14320 -> 10,018.
  for company in 1430 7150 14320; do
    f="target/bench-circles/circles-scale-$company.json"
    [ -f "$f" ] || python3 "$SHARED/generate.py" circles --people "$company" --rounds 4 --min 4 --max 6 --seed 1 > "$f"
    /usr/bin/time -f "  max RSS %M KB, wall %e s, user %U s" -o target/bench-scale/time.txt \
      java -Xmx"$XMX" -cp "$CP" io.bridgeway.matching.circles.bench.CirclesBenchmark "${SECONDS_LIMIT:-60}" \
      "$SHARED/check.py" "$f" | grep -v '^| instance\|^|---' || true
    cat target/bench-scale/time.txt
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
