package org.fieldsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Port checks on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * {@code count} ports nobody listens on right now, all different: each is held until all are picked, since a port
     * just let go can be handed out again at once (two services given the same port, the second's health check
     * answered by the first).
     */
    public static List<Integer> pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("No " + count + " free ports on the loopback interface", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing a listening socket that accepted nothing: nothing to recover.
                }
            }
        }
    }

    /**
     * Whether a server could listen on {@code port} now. The JDK opens server sockets with SO_REUSEADDR on this
     * platform, so a port whose last connection is still in TIME_WAIT counts as free, as it would for the server.
     */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
