package dev.skysocket.local;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process DynamoDB Local answers on loopback only: it checks no signature, so the network must not reach it. */
class LocalDynamoTest {

    @Test
    void answersOnLoopbackAndRefusesEveryOtherAddressOfThisMachine() throws Exception {
        List<InetAddress> others = otherAddresses();
        assumeFalse(others.isEmpty(), "this machine has no address besides loopback");
        try (LocalDynamo dynamo = LocalDynamo.start(0)) {
            assertTrue(dynamo.client().listTables().tableNames().isEmpty());
            int port = dynamo.endpoint().getPort();
            for (InetAddress address : others) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, port), 2_000);
                    }
                }, "DynamoDB Local answered on " + address.getHostAddress());
            }
        }
    }

    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
