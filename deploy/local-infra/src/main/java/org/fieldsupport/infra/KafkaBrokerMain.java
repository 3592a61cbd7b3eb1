package org.fieldsupport.infra;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The local broker in a JVM of its own, so that it can be killed (SIGKILL) and restarted like a real broker process:
 * {@code KafkaBrokerMain <dataDir> <host> <port> <controllerPort> [<superUser>]}, the super user's password (SCRAM
 * mode) in the environment variable {@value #PASSWORD_VARIABLE}. It prints
 * {@value #READY} once clients can use it, stops cleanly on SIGTERM, and exits when its standard input closes, so a
 * launcher that dies leaves no broker behind.
 */
public final class KafkaBrokerMain {

    public static final String READY = "KAFKA-BROKER-READY";
    public static final String PASSWORD_VARIABLE = "KAFKA_BROKER_SUPER_USER_PASSWORD";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: KafkaBrokerMain <dataDir> <host> <port> <controllerPort> [<superUser>]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        KafkaBroker broker = args.length == 5
                ? KafkaBroker.secured(dataDir, args[1], port, controllerPort, new KafkaAccess(args[4],
                        System.getenv(PASSWORD_VARIABLE)))
                : new KafkaBroker(dataDir, args[1], port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
        broker.start();
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Wait for the parent to close our standard input (or to die).
        }
        System.exit(0);
    }
}
