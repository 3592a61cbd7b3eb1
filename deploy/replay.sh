#!/usr/bin/env bash
# Replays a generated pilot quarter (October-December 2025, three sites) against a running ./deploy/run platform
# and prints the final report. Options: --seed N (2025), --dijon-rate R (0.6), --from/--to YYYY-MM-DD,
# --state DIR (.local), --patience-seconds S (600). Builds the tool first when it is missing or out of date.
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
