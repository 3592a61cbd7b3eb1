package org.fieldsupport.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nobody listens on right now. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback interface", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
