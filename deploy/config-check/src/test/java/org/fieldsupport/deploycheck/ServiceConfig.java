package org.fieldsupport.deploycheck;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service's {@code application.properties} declares, as the deploy files need it: the property names
 * (for the environment variables that may set them), the {@code ${VAR}} placeholders, and the Kafka channels —
 * topics written, topics read, dead-letter topics, consumer groups and the names of the consuming channels — with
 * SmallRye Reactive Messaging's and Quarkus's defaults where a channel leaves them out.
 *
 * <p>Profile-specific keys: {@code %prod.} ones override the plain key, {@code %dev.} and {@code %test.} ones do
 * not concern a deployment and are left out of the channels (their names still count as declared properties).
 */
record ServiceConfig(String service,
        Map<String, String> properties,
        Set<String> propertyNames,
        Set<String> placeholders,
        Set<String> outgoingTopics,
        Set<String> incomingTopics,
        Set<String> deadLetterTopics,
        Set<String> groupIds,
        Set<String> consumerChannels) {

    private static final Pattern CHANNEL_KEY =
            Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    static ServiceConfig load(String service) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(DeployRepo.read(DeployRepo.applicationProperties(service))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Set<String> names = new TreeSet<>();
        Set<String> placeholders = new TreeSet<>();
        Map<String, String> effective = new LinkedHashMap<>();
        Map<String, String> prodOverrides = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            names.add(PROFILE.matcher(key).replaceFirst(""));
            Matcher placeholder = PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                placeholders.add(placeholder.group(1).trim());
            }
            if (key.startsWith("%prod.")) {
                prodOverrides.put(key.substring("%prod.".length()), value);
            } else if (!key.startsWith("%")) {
                effective.put(key, value);
            }
        }
        effective.putAll(prodOverrides);

        Map<String, Map<String, String>> incoming = new LinkedHashMap<>();
        Map<String, Map<String, String>> outgoing = new LinkedHashMap<>();
        effective.forEach((key, value) -> {
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (channel.matches()) {
                (channel.group(1).equals("incoming") ? incoming : outgoing)
                        .computeIfAbsent(channel.group(2), c -> new LinkedHashMap<>())
                        .put(channel.group(3), resolve(value));
            }
        });

        String applicationName = resolve(effective.getOrDefault("quarkus.application.name", service));
        Set<String> outgoingTopics = new TreeSet<>();
        outgoing.forEach((channel, attributes) -> {
            if (isKafka(attributes)) {
                outgoingTopics.add(attributes.getOrDefault("topic", channel));
            }
        });
        Set<String> incomingTopics = new TreeSet<>();
        Set<String> deadLetterTopics = new TreeSet<>();
        Set<String> groupIds = new TreeSet<>();
        Set<String> consumerChannels = new TreeSet<>();
        incoming.forEach((channel, attributes) -> {
            if (!isKafka(attributes)) {
                return;
            }
            consumerChannels.add(channel);
            String topic = attributes.getOrDefault("topic", channel);
            incomingTopics.add(topic);
            // Quarkus gives a Kafka consumer the application name as group id when none is set.
            groupIds.add(attributes.getOrDefault("group.id", applicationName));
            if (attributes.containsKey("dead-letter-queue.topic")) {
                deadLetterTopics.add(attributes.get("dead-letter-queue.topic"));
            } else if (attributes.getOrDefault("failure-strategy", "").endsWith("dead-letter-queue")) {
                // SmallRye's default dead-letter topic: not one of the platform's, so the checks will flag it.
                deadLetterTopics.add("dead-letter-topic-" + topic);
            }
        });

        return new ServiceConfig(service, effective, names, placeholders, outgoingTopics, incomingTopics,
                deadLetterTopics, groupIds, consumerChannels);
    }

    private static boolean isKafka(Map<String, String> attributes) {
        return "smallrye-kafka".equals(attributes.get("connector"));
    }

    /** {@code ${VAR:default}} → its default; other text as is (an unresolvable value then fails the checks). */
    private static String resolve(String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value.trim());
        if (placeholder.matches() && placeholder.group(2) != null) {
            return placeholder.group(2);
        }
        return value.trim();
    }

    /**
     * The environment variable that sets a property, as SmallRye Config maps it: every character that is not a
     * letter or a digit becomes {@code _}, and the result is upper case ({@code quarkus.datasource.jdbc.url} ↔
     * {@code QUARKUS_DATASOURCE_JDBC_URL}).
     */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether setting this environment variable reaches a property or placeholder the service declares. */
    boolean accepts(String variable) {
        return placeholders.contains(variable) || propertyNames.stream().anyMatch(p -> envName(p).equals(variable));
    }

    boolean consumes() {
        return !incomingTopics.isEmpty();
    }
}
