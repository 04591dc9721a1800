package dev.skysocket.store.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The elements of a room directory set: {@code "<expiresAtSeconds> <endpoint>"}, one per registration, so an
 * endpoint whose registrations have all expired stops being listed even while others keep the room's item alive
 * (a node gone in a deploy would otherwise be read as holding members for as long as the room is used). A
 * membership stored under a registration expires before the registration does (docs/rooms.md), so an expired
 * element names no member. An element without the prefix (written before it existed) counts as live.
 */
final class DirectoryElements {
    /** The endpoints of the live elements, and the expired elements themselves (to delete). */
    record Split(Set<String> live, List<String> expired) {
    }

    private DirectoryElements() {
    }

    static String of(String endpoint, long expiresAtSeconds) {
        return expiresAtSeconds + " " + endpoint;
    }

    static Split split(List<String> elements, long nowSeconds) {
        Set<String> live = new HashSet<>();
        List<String> expired = new ArrayList<>();
        for (String element : elements) {
            int space = element.indexOf(' ');
            long expiresAt = space > 0 ? expiry(element.substring(0, space)) : -1;
            if (expiresAt < 0) {
                live.add(element); // no expiry of ours: an endpoint URL has no space
            } else if (expiresAt > nowSeconds) {
                live.add(element.substring(space + 1));
            } else {
                expired.add(element);
            }
        }
        return new Split(live, expired);
    }

    /** The seconds before the space, or -1 when they are not a plain non-negative number. */
    private static long expiry(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
