package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fieldsupport.infra.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topics and ACLs of the deploy files against what the services really use: the {@code mp.messaging.*}
 * channels of each service's application.properties, and the platform's topic list (deploy/local-infra's
 * {@link Topology}, the one the launcher and the tests create).
 */
class KafkaTopicsAndAclsTest {

    /**
     * Reads that DESIGN §2 (and {@link Topology#CONSUMERS}) gives a service but that its application.properties does
     * not wire yet. The deploy files already grant them — with the dead-letter topic that goes with each — so that
     * wiring a consumer needs no new ACL; any other read grant on a topic the service does not consume fails.
     * Remove an entry once the service consumes the topic (the test then prints a reminder); every entry must be a
     * consumer of {@link Topology#CONSUMERS}.
     */
    static final Map<String, Set<String>> CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED = Map.of();

    private static final Set<String> ACL_OPERATIONS = Set.of("read", "write", "describe");

    private static Map<String, ServiceConfig> services;
    private static List<DeployRepo.K8sResource> k8s;
    private static Map<String, String> kafkaInit;

    @BeforeAll
    static void load() {
        services = new LinkedHashMap<>();
        DeployRepo.SERVICES.forEach(s -> services.put(s, ServiceConfig.load(s)));
        k8s = DeployRepo.k8sResources();
        kafkaInit = composeKafkaInit();
    }

    /** The compose container that sets the cluster up: the one whose environment declares TOPICS and ACLS. */
    private static Map<String, String> composeKafkaInit() {
        List<Map<String, String>> candidates = new ArrayList<>();
        DeployRepo.composeServices().values().forEach(service -> {
            Map<String, String> environment = DeployRepo.composeEnvironment(DeployRepo.map(service));
            if (environment.containsKey("TOPICS") && environment.containsKey("ACLS")) {
                candidates.add(environment);
            }
        });
        assertThat(candidates).as("one compose service declares TOPICS and ACLS (kafka-init)").hasSize(1);
        return candidates.get(0);
    }

    private static List<String> composeTopics() {
        return List.of(kafkaInit.get("TOPICS").strip().split("\\s+"));
    }

    private static List<DeployRepo.K8sResource> kafkaTopics() {
        return k8s.stream().filter(r -> "KafkaTopic".equals(r.kind())).toList();
    }

    private static String topicName(DeployRepo.K8sResource topic) {
        Object topicName = topic.spec().get("topicName");
        return topicName != null ? String.valueOf(topicName) : topic.name();
    }

    @Test
    void theComposeFileCreatesExactlyThePlatformsTopicsWithSixPartitionsAndThreeReplicas() {
        List<String> topics = composeTopics();
        assertThat(topics).as("compose TOPICS").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topology.allTopics());
        assertThat(kafkaInit.get("PARTITIONS")).isEqualTo(String.valueOf(Topology.DEFAULT_PARTITIONS));
        assertThat(kafkaInit.get("REPLICATION_FACTOR")).isEqualTo("3");
        assertThat(kafkaInit.get("MIN_INSYNC_REPLICAS")).isEqualTo("2");
    }

    @Test
    void theKafkaTopicsAreExactlyThePlatformsTopicsWithSixPartitionsThreeReplicasAndMinIsrTwo() {
        List<String> names = kafkaTopics().stream().map(KafkaTopicsAndAclsTest::topicName).toList();
        assertThat(names).as("KafkaTopic names").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topology.allTopics());
        List<String> problems = new ArrayList<>();
        for (DeployRepo.K8sResource topic : kafkaTopics()) {
            if (!"kafka.strimzi.io/v1beta2".equals(topic.apiVersion())) {
                problems.add(topic + ": apiVersion " + topic.apiVersion());
            }
            if (!"6".equals(DeployRepo.text(topic.spec().get("partitions")))) {
                problems.add(topic + ": partitions " + topic.spec().get("partitions"));
            }
            if (!"3".equals(DeployRepo.text(topic.spec().get("replicas")))) {
                problems.add(topic + ": replicas " + topic.spec().get("replicas"));
            }
            // Keys with dots ("min.insync.replicas") are looked up whole, not as a path.
            if (!"2".equals(DeployRepo.text(DeployRepo.map(topic.spec().get("config")).get("min.insync.replicas")))) {
                problems.add(topic + ": config min.insync.replicas is not 2");
            }
            if (!"field-support".equals(DeployRepo.text(
                    DeployRepo.map(DeployRepo.at(topic.body(), "metadata.labels")).get("strimzi.io/cluster")))) {
                problems.add(topic + ": label strimzi.io/cluster is not field-support");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTopicAServiceUsesExistsInBothDeployFiles() {
        Set<String> compose = new TreeSet<>(composeTopics());
        Set<String> kubernetes = new TreeSet<>(kafkaTopics().stream().map(KafkaTopicsAndAclsTest::topicName).toList());
        List<String> problems = new ArrayList<>();
        services.values().forEach(config -> {
            Set<String> used = new TreeSet<>();
            used.addAll(config.outgoingTopics());
            used.addAll(config.incomingTopics());
            used.addAll(config.deadLetterTopics());
            for (String topic : used) {
                if (!compose.contains(topic)) {
                    problems.add(config.service() + " uses " + topic + ", which the compose file does not create");
                }
                if (!kubernetes.contains(topic)) {
                    problems.add(config.service() + " uses " + topic + ", which has no KafkaTopic");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void eachServicePublishesItsOwnTopic() {
        // The premise of the write ACLs: one topic per publishing service (DESIGN §3), and its dead-letter topics
        // named <topic>.<service>.dlq after the topics it reads.
        List<String> problems = new ArrayList<>();
        services.values().forEach(config -> {
            if (config.outgoingTopics().size() != 1) {
                problems.add(config.service() + " publishes to " + config.outgoingTopics());
            }
            for (String deadLetter : config.deadLetterTopics()) {
                boolean named = config.incomingTopics().stream()
                        .anyMatch(t -> Topology.deadLetterTopic(t, config.service()).equals(deadLetter));
                if (!named) {
                    problems.add(config.service() + ": dead-letter topic " + deadLetter
                            + " is not <consumed topic>." + config.service() + ".dlq");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theComposeAclsGiveEachServiceExactlyWhatItUses() {
        String source = "docker-compose.yml kafka-init ACLS";
        List<KafkaAcl> acls = KafkaAcl.fromComposeLines(source, kafkaInit.get("ACLS"));
        assertThat(aclProblems(source, acls)).isEmpty();
    }

    @Test
    void theKafkaUsersGiveEachServiceExactlyWhatItUses() {
        List<DeployRepo.K8sResource> users = k8s.stream().filter(r -> "KafkaUser".equals(r.kind())).toList();
        assertThat(users.stream().map(DeployRepo.K8sResource::name).toList())
                .as("one KafkaUser per service").containsExactlyInAnyOrderElementsOf(DeployRepo.SERVICES);
        List<String> problems = new ArrayList<>();
        List<KafkaAcl> acls = new ArrayList<>();
        for (DeployRepo.K8sResource user : users) {
            if (!"scram-sha-512".equals(DeployRepo.text(DeployRepo.at(user.body(), "spec.authentication.type")))) {
                problems.add(user + ": authentication is not scram-sha-512");
            }
            if (!"simple".equals(DeployRepo.text(DeployRepo.at(user.body(), "spec.authorization.type")))) {
                problems.add(user + ": authorization is not simple");
            }
            acls.addAll(KafkaAcl.fromKafkaUser(user));
        }
        problems.addAll(aclProblems("deploy/k8s KafkaUsers", acls));
        assertThat(problems).isEmpty();
    }

    /**
     * Every ACL is one the service's configuration justifies, and the service has every ACL its configuration
     * needs: Write on its own topic and on its dead-letter topics, Read on the topics it consumes and on its
     * consumer groups. Reads in {@link #CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED} (and their dead-letter topics) are
     * tolerated.
     */
    static List<String> aclProblems(String source, List<KafkaAcl> acls) {
        List<String> problems = new ArrayList<>();
        Set<String> platformTopics = new TreeSet<>(Topology.allTopics());
        for (KafkaAcl acl : acls) {
            ServiceConfig config = services.get(acl.service());
            if (config == null) {
                problems.add(acl + ": not one of the services " + DeployRepo.SERVICES);
                continue;
            }
            Set<String> pending = CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED.getOrDefault(acl.service(), Set.of());
            if (!"literal".equals(acl.patternType())) {
                problems.add(acl + ": only literal resource names (a prefix or wildcard grants more than it uses)");
            }
            if (!ACL_OPERATIONS.containsAll(acl.operations()) || acl.operations().isEmpty()) {
                problems.add(acl + ": operations must be among Read, Write, Describe");
            }
            switch (acl.resourceType()) {
                case "topic" -> {
                    if (!platformTopics.contains(acl.name())) {
                        problems.add(acl + ": not a platform topic");
                    }
                    Set<String> writable = new TreeSet<>(config.outgoingTopics());
                    writable.addAll(config.deadLetterTopics());
                    pending.forEach(t -> writable.add(Topology.deadLetterTopic(t, acl.service())));
                    Set<String> readable = new TreeSet<>(config.incomingTopics());
                    readable.addAll(pending);
                    if (acl.operations().contains("write") && !writable.contains(acl.name())) {
                        problems.add(acl + ": a service may write only its own topic " + config.outgoingTopics()
                                + " and its own dead-letter topics " + config.deadLetterTopics());
                    }
                    if (acl.operations().contains("read") && !readable.contains(acl.name())) {
                        problems.add(acl + ": " + acl.service() + " does not consume " + acl.name()
                                + " (its application.properties reads " + config.incomingTopics()
                                + "; not in CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED either)");
                    }
                    if (acl.operations().equals(Set.of("describe"))
                            && !writable.contains(acl.name()) && !readable.contains(acl.name())) {
                        problems.add(acl + ": " + acl.service() + " neither writes nor reads " + acl.name());
                    }
                }
                case "group" -> {
                    boolean ownGroup = config.groupIds().contains(acl.name())
                            || (!pending.isEmpty() && acl.name().equals(acl.service()));
                    if (!ownGroup) {
                        problems.add(acl + ": not the service's consumer group " + config.groupIds());
                    }
                    if (acl.operations().contains("write")) {
                        problems.add(acl + ": Write is meaningless on a group");
                    }
                }
                default -> problems.add(acl + ": only topic and group resources are granted to services");
            }
        }

        for (ServiceConfig config : services.values()) {
            for (String topic : config.outgoingTopics()) {
                requireGrant(problems, acls, config, "topic", topic, "write", source);
            }
            for (String topic : config.deadLetterTopics()) {
                requireGrant(problems, acls, config, "topic", topic, "write", source);
            }
            for (String topic : config.incomingTopics()) {
                requireGrant(problems, acls, config, "topic", topic, "read", source);
            }
            for (String group : config.groupIds()) {
                requireGrant(problems, acls, config, "group", group, "read", source);
            }
        }
        return problems;
    }

    private static void requireGrant(List<String> problems, List<KafkaAcl> acls, ServiceConfig config, String type,
            String name, String operation, String source) {
        boolean granted = acls.stream().anyMatch(a -> a.service().equals(config.service())
                && a.resourceType().equals(type) && a.name().equals(name) && a.operations().contains(operation)
                && "literal".equals(a.patternType()));
        if (!granted) {
            problems.add(source + ": User:" + config.service() + " lacks " + operation + " on " + type + ":" + name
                    + ", which its application.properties uses");
        }
    }

    @Test
    void theAllowListOnlyHoldsReadsOfTheTargetDesign() {
        List<String> problems = new ArrayList<>();
        CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED.forEach((service, topics) -> {
            for (String topic : topics) {
                if (!Topology.CONSUMERS.getOrDefault(topic, List.of()).contains(service)) {
                    problems.add(service + " → " + topic + " is not a consumer of Topology.CONSUMERS");
                }
                ServiceConfig config = services.get(service);
                if (config != null && config.incomingTopics().contains(topic)) {
                    // Not a failure: the list is only tolerance. Printed so that it gets trimmed.
                    System.out.println("[config-check] " + service + " now consumes " + topic
                            + ": remove it from CONSUMED_IN_TARGET_DESIGN_NOT_YET_WIRED");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theClustersReplicateThreeTimesWithMinIsrTwoAndNoAutoCreation() {
        List<String> problems = new ArrayList<>();

        // Compose: the brokers are the services whose environment has KAFKA_NODE_ID.
        List<Map<String, String>> brokers = new ArrayList<>();
        DeployRepo.composeServices().forEach((name, service) -> {
            Map<String, String> environment = DeployRepo.composeEnvironment(DeployRepo.map(service));
            if (environment.containsKey("KAFKA_NODE_ID")) {
                brokers.add(environment);
                expect(problems, "compose " + name, environment, Map.of(
                        "KAFKA_DEFAULT_REPLICATION_FACTOR", "3",
                        "KAFKA_MIN_INSYNC_REPLICAS", "2",
                        "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
                        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3",
                        "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false",
                        "KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512",
                        "KAFKA_PROCESS_ROLES", "broker,controller"));
                if (environment.get("KAFKA_AUTHORIZER_CLASS_NAME") == null) {
                    problems.add("compose " + name + ": no authorizer");
                }
            }
        });
        if (brokers.size() != 3) {
            problems.add("compose: " + brokers.size() + " Kafka nodes, not 3");
        }

        // Kubernetes: the Strimzi Kafka and its node pools.
        List<DeployRepo.K8sResource> clusters = k8s.stream().filter(r -> "Kafka".equals(r.kind())).toList();
        if (clusters.size() != 1) {
            problems.add("deploy/k8s: " + clusters.size() + " Kafka resources, not 1");
        } else {
            DeployRepo.K8sResource kafka = clusters.get(0);
            Map<String, Object> config = DeployRepo.map(DeployRepo.at(kafka.spec(), "kafka.config"));
            Map<String, String> settings = new LinkedHashMap<>();
            config.forEach((k, v) -> settings.put(k, String.valueOf(v)));
            expect(problems, kafka.toString(), settings, Map.of(
                    "default.replication.factor", "3",
                    "min.insync.replicas", "2",
                    "auto.create.topics.enable", "false",
                    "offsets.topic.replication.factor", "3"));
            if (!"simple".equals(DeployRepo.text(DeployRepo.at(kafka.spec(), "kafka.authorization.type")))) {
                problems.add(kafka + ": authorization type is not simple");
            }
            boolean scram = DeployRepo.list(DeployRepo.at(kafka.spec(), "kafka.listeners")).stream()
                    .map(DeployRepo::map)
                    .anyMatch(l -> "scram-sha-512".equals(DeployRepo.text(DeployRepo.at(l, "authentication.type"))));
            if (!scram) {
                problems.add(kafka + ": no listener with scram-sha-512 authentication");
            }
            int nodes = k8s.stream().filter(r -> "KafkaNodePool".equals(r.kind()))
                    .filter(r -> kafka.name().equals(DeployRepo.text(
                            DeployRepo.map(DeployRepo.at(r.body(), "metadata.labels")).get("strimzi.io/cluster"))))
                    .mapToInt(r -> Integer.parseInt(DeployRepo.text(r.spec().get("replicas"))))
                    .sum();
            if (nodes != 3) {
                problems.add(kafka + ": " + nodes + " nodes in its KafkaNodePools, not 3");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void expect(List<String> problems, String where, Map<String, String> actual,
            Map<String, String> expected) {
        expected.forEach((key, value) -> {
            if (!value.equalsIgnoreCase(String.valueOf(actual.get(key)))) {
                problems.add(where + ": " + key + " is " + actual.get(key) + ", expected " + value);
            }
        });
    }

    @Test
    void theOptionalKedaTriggersFollowWhatEachServiceConsumesToday() {
        List<String> problems = new ArrayList<>();
        Set<String> scaled = new LinkedHashSet<>();
        for (DeployRepo.K8sResource scaledObject : k8s.stream().filter(r -> "ScaledObject".equals(r.kind())).toList()) {
            String target = DeployRepo.text(DeployRepo.at(scaledObject.spec(), "scaleTargetRef.name"));
            ServiceConfig config = services.get(target);
            if (config == null) {
                problems.add(scaledObject + ": scales " + target + ", not a service");
                continue;
            }
            scaled.add(target);
            for (Object item : DeployRepo.list(scaledObject.spec().get("triggers"))) {
                Map<String, Object> trigger = DeployRepo.map(item);
                if (!"kafka".equals(DeployRepo.text(trigger.get("type")))) {
                    continue;
                }
                Map<String, Object> metadata = DeployRepo.map(trigger.get("metadata"));
                String topic = DeployRepo.text(metadata.get("topic"));
                String group = DeployRepo.text(metadata.get("consumerGroup"));
                if (!config.incomingTopics().contains(topic)) {
                    problems.add(scaledObject + ": trigger on " + topic + ", which " + target
                            + " does not consume " + config.incomingTopics());
                }
                if (!config.groupIds().contains(group)) {
                    problems.add(scaledObject + ": consumer group " + group + ", not " + config.groupIds());
                }
            }
            int max = Integer.parseInt(String.valueOf(scaledObject.spec().getOrDefault("maxReplicaCount", "100")));
            if (max > Topology.DEFAULT_PARTITIONS) {
                problems.add(scaledObject + ": maxReplicaCount " + max + " exceeds the partitions per topic");
            }
        }
        for (ServiceConfig config : services.values()) {
            if (!scaled.isEmpty() && config.consumes() && !scaled.contains(config.service())) {
                // The file is optional: a reminder, not a failure.
                System.out.println("[config-check] k8s/optional/keda-autoscaling.yaml has no ScaledObject for "
                        + config.service() + ", which now consumes " + config.incomingTopics());
            }
        }
        assertThat(problems).isEmpty();
    }
}
