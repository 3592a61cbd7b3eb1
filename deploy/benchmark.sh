#!/usr/bin/env bash
# Benchmarks the whole platform on this machine (see deploy/benchmarks/BENCHMARKS.md). Starts its own platform on
# free ports with its state under deploy/benchmarks/target/, so it runs beside ./deploy/run and the tests.
# Arguments: scenarios among limits create saturation escalation mix replay startup (default: all but replay and
# startup). replay is scenario 4: a generated year of synthetic sites through the historical import
# (BENCH_OPTS="-Dbench.replay.sites=100 -Dbench.replay.lanes=16").
# Settings as Java system properties in BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.mix.seconds=120"; service JVM options
# in SERVICE_JAVA_OPTS; option sets to compare at start-up in BENCH_STARTUP_OPTIONS, separated by |.
# Results: deploy/benchmarks/target/bench/results-*.md and Gatling's HTML reports beside them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar=deploy/benchmarks/target/benchmarks.jar
needs_build=false
for built in "$jar" ticket-service/target/quarkus-app/quarkus-run.jar dispatch-service/target/quarkus-app/quarkus-run.jar \
    logistics-service/target/quarkus-app/quarkus-run.jar survey-service/target/quarkus-app/quarkus-run.jar; do
  [ -f "$built" ] || needs_build=true
done
if [ "$needs_build" = false ] && [ -n "$(find pom.xml ./*/pom.xml ./*/src deploy/*/pom.xml deploy/*/src \
    -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
if [ "$needs_build" = true ]; then
  echo "Building the services and the benchmark (./mvnw -q package -DskipTests)..."
  ./mvnw -B -q package -DskipTests -am \
    -pl ticket-service,dispatch-service,logistics-service,survey-service,deploy/launcher,deploy/benchmarks
  # Maven leaves a jar whose content did not change untouched: mark this build as newer than the sources.
  touch "$jar"
fi

exec java ${BENCH_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} --add-opens=java.base/java.lang=ALL-UNNAMED \
  ${BENCH_OPTS:-} -Dplatform.root="$root" \
  -cp "$root/$jar:$root/deploy/benchmarks/target/lib/*" org.fieldsupport.benchmarks.Benchmark "$@"
