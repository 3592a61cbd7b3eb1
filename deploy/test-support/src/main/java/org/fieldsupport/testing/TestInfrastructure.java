package org.fieldsupport.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Properties;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.fieldsupport.infra.KafkaBroker;

/**
 * What tests need to reach the infrastructure the resource started: addresses, keys, and control of the broker
 * (to stop it and start it again). Addresses are kept in system properties and the broker's control on the platform
 * MBean server, because the test resource and the test classes may be loaded by different class loaders.
 */
public final class TestInfrastructure {

    private static final String PREFIX = "field-support.test.";
    private static final ObjectName BROKER = objectName("org.fieldsupport.test:type=KafkaBroker");

    private TestInfrastructure() {
    }

    static void register(KafkaBroker broker, Path keysDir, String jdbcUrl, String dbUser, String dbPassword) {
        Properties properties = System.getProperties();
        properties.setProperty(PREFIX + "kafka", broker.bootstrapServers());
        properties.setProperty(PREFIX + "keys", keysDir.toString());
        properties.setProperty(PREFIX + "jdbc-url", jdbcUrl);
        properties.setProperty(PREFIX + "jdbc-user", dbUser);
        properties.setProperty(PREFIX + "jdbc-password", dbPassword);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(BROKER)) {
                server.unregisterMBean(BROKER);
            }
            server.registerMBean(new BrokerControl(broker), BROKER);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the broker control", e);
        }
    }

    public static String kafkaBootstrapServers() {
        return required("kafka");
    }

    public static Path keysDir() {
        return Path.of(required("keys"));
    }

    public static String jdbcUrl() {
        return required("jdbc-url");
    }

    public static String jdbcUser() {
        return required("jdbc-user");
    }

    public static String jdbcPassword() {
        return required("jdbc-password");
    }

    /** Stops the broker cleanly, as an operator would; its data is kept. */
    public static void stopBroker() {
        invokeBroker("stop");
    }

    /** Starts the broker again on the same address with the same data. */
    public static void startBroker() {
        invokeBroker("start");
    }

    private static void invokeBroker(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(BROKER, operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot " + operation + " the test broker", e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null) {
            throw new IllegalStateException("PlatformTestResource has not started (no " + PREFIX + name + ")");
        }
        return value;
    }
}
