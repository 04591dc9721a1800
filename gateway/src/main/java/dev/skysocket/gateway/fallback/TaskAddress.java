package dev.skysocket.gateway.fallback;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** This task's private IPv4 address (awsvpc mode gives each Fargate task its own interface in the VPC). */
final class TaskAddress {
    private TaskAddress() {
    }

    static String siteLocalIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces", e);
        }
        throw new IllegalStateException("no private IPv4 address found: set skysocket.gateway-management-url");
    }
}
