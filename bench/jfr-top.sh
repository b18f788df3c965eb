#!/usr/bin/env bash
# The hottest code in a flight recording: execution samples counted by their top frame, and by the first
# Bridgeway frame on the stack (what our code was doing when the CPU was busy).
#   bench/jfr-top.sh FILE.jfr [LINES]
set -euo pipefail
FILE="$1"
LINES="${2:-20}"
SAMPLES=$(mktemp)
trap 'rm -f "$SAMPLES"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$FILE" > "$SAMPLES"
echo "samples: $(grep -c 'jdk.ExecutionSample' "$SAMPLES")"
echo "--- top frames ---"
grep -A1 'stackTrace = \[' "$SAMPLES" | grep -v 'stackTrace\|^--' | sed 's/line:.*//; s/^ *//' \
  | sort | uniq -c | sort -rn | head -"$LINES"
echo "--- first io.bridgeway frame ---"
awk '/stackTrace = \[/ { inside = 1; found = 0; next }
     inside && /^[[:space:]]*\]/ { if (!found) print "(no Bridgeway frame)"; inside = 0; next }
     inside && !found && /io\.bridgeway\./ { sub(/line:.*/, ""); sub(/^[[:space:]]*/, ""); print; found = 1 }' "$SAMPLES" \
  | sort | uniq -c | sort -rn | head -"$LINES"
