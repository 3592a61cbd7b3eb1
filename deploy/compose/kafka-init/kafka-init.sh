#!/bin/sh
# One-shot set-up of the Kafka cluster of deploy/compose/docker-compose.yml: the platform's topics, one SCRAM
# credential per service and the services' ACLs. Everything it does is idempotent, so it runs at every
# `docker compose up` and can be re-run by hand. The data (topics, ACLs) is declared in docker-compose.yml, in this
# container's environment, where deploy/config-check reads it too; this script only applies it.
#
# It talks to the brokers on their INTERNAL listener (PLAINTEXT, principal User:ANONYMOUS, a super user), which is
# reachable only on the compose network.
set -eu

: "${BOOTSTRAP_SERVERS:?}" "${TOPICS:?}" "${ACLS:?}" "${SERVICES:?}"
: "${PARTITIONS:?}" "${REPLICATION_FACTOR:?}" "${MIN_INSYNC_REPLICAS:?}"
BIN=/opt/kafka/bin

echo "kafka-init: waiting for ${REPLICATION_FACTOR} brokers at ${BOOTSTRAP_SERVERS}"
tries=0
until [ "$("$BIN"/kafka-broker-api-versions.sh --bootstrap-server "$BOOTSTRAP_SERVERS" 2>/dev/null \
        | grep -c '(id: ')" -ge "$REPLICATION_FACTOR" ]; do
    tries=$((tries + 1))
    if [ "$tries" -ge 90 ]; then
        echo "kafka-init: the brokers did not all answer within 3 minutes" >&2
        exit 1
    fi
    sleep 2
done

for topic in $TOPICS; do
    "$BIN"/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
        --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
        --config min.insync.replicas="$MIN_INSYNC_REPLICAS"
done

# SCRAM-SHA-512 credentials: <SERVICE_NAME_IN_CAPITALS>_KAFKA_PASSWORD, e.g. TICKET_SERVICE_KAFKA_PASSWORD.
# Passwords must not contain ',', '[' or ']' (kafka-configs' list syntax).
for service in $SERVICES; do
    variable="$(echo "$service" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"
    eval "password=\${${variable}:-}"
    if [ -z "$password" ]; then
        echo "kafka-init: ${variable} is not set" >&2
        exit 1
    fi
    "$BIN"/kafka-configs.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --alter \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" \
        --entity-type users --entity-name "$service"
done

# ACLS: one rule a line, "<service> <Read|Write> <topic|group>:<name>"; the principal is User:<service>.
# Read and Write imply Describe. Lines starting with # are comments.
echo "$ACLS" | while read -r service operation resource; do
    case "$service" in '' | '#'*) continue ;; esac
    kind="${resource%%:*}"
    name="${resource#*:}"
    case "$kind" in
        topic) selector="--topic" ;;
        group) selector="--group" ;;
        *) echo "kafka-init: unknown resource '$resource'" >&2; exit 1 ;;
    esac
    "$BIN"/kafka-acls.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --add \
        --allow-principal "User:${service}" --operation "$operation" \
        --resource-pattern-type literal "$selector" "$name"
done

echo "kafka-init: topics, credentials and ACLs are in place"
