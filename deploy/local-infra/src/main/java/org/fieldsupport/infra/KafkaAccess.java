package org.fieldsupport.infra;

import java.util.Map;

/**
 * How a client authenticates to the local broker: nothing (plaintext), or SASL/SCRAM-SHA-512 as a named user. The
 * same settings as Kafka client properties, and as the {@code KAFKA_*} environment variables the services read
 * (Quarkus turns {@code KAFKA_SASL_JAAS_CONFIG} into {@code sasl.jaas.config} for every channel).
 */
public record KafkaAccess(String user, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final KafkaAccess PLAINTEXT = new KafkaAccess(null, null);

    public boolean authenticated() {
        return user != null;
    }

    public Map<String, Object> clientProperties() {
        if (!authenticated()) {
            return Map.of();
        }
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
                jaasConfig());
    }

    /** The environment of a service process using this access. */
    public Map<String, String> environment() {
        if (!authenticated()) {
            return Map.of();
        }
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig());
    }

    private String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
