#!/usr/bin/env bash
# Replays a generated 2024 baseline year (Strasbourg, Nancy) and pilot quarter (October-December 2025, three sites)
# against a running ./deploy/run platform and prints the figures the platform gives back. Options: --scenario
# all|baseline|quarter (all), --seed N (2025), --dijon-rate R (0.6), --from/--to YYYY-MM-DD (a part of the quarter),
# --state DIR (.local), --patience-seconds S (600), --report-dir DIR. Builds the tool first when it is missing or out
# of date.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar=deploy/replay/target/replay.jar
if [ ! -f "$jar" ] || [ -n "$(find deploy/replay/pom.xml deploy/replay/src -type f -newer "$jar" -print -quit)" ]; then
  echo "Building the replay tool..."
  ./mvnw -B -q -pl deploy/replay -am package -DskipTests
fi

exec java ${REPLAY_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -cp "$jar:deploy/replay/target/lib/*" \
  org.fieldsupport.replay.Replay "$@"
