#!/usr/bin/env bash
# The fault suite: starts a platform of its own (free ports, state in deploy/fault-suite/target/platform-state, the
# broker in a JVM of its own), fires tickets at a steady rate with their escalations, visits, shipments and survey
# invitations, kills and restarts the broker, each service, PostgreSQL, stops each service gracefully, then
# reconciles all four databases and all topics. Prints and writes the report; exits 1 if anything was lost or
# duplicated. Options: --tickets N (10000) --rate R (50) --faults a,b,... --report FILE; --help lists them all.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

suite_jar=deploy/fault-suite/target/fault-suite.jar
needs_build=false
for jar in "$suite_jar" ticket-service/target/quarkus-app/quarkus-run.jar \
    dispatch-service/target/quarkus-app/quarkus-run.jar logistics-service/target/quarkus-app/quarkus-run.jar \
    survey-service/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || needs_build=true
done
if [ "$needs_build" = false ] && [ -n "$(find pom.xml ./*/pom.xml ./*/src deploy/*/pom.xml deploy/*/src \
    -type f -newer "$suite_jar" -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
if [ "$needs_build" = true ]; then
  echo "Building the platform and the suite (./mvnw -DskipTests install)..."
  ./mvnw -B -q -DskipTests install
fi

exec java ${FAULT_SUITE_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC} -Dplatform.root="$root" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
  -cp "$suite_jar:deploy/fault-suite/target/lib/*" org.fieldsupport.fault.FaultSuite "$@"
