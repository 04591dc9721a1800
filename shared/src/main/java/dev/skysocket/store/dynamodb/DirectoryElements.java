package dev.skysocket.store.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The elements of a room directory set: {@code "<expiresAtSeconds> <endpoint>"}, so an endpoint whose
 * registrations have all expired stops being listed even while others keep the room's item alive (a node gone in a
 * deploy would otherwise be read as holding members for as long as the room is used). An expired element is safe to
 * drop: a process relies on its registration's answer for half the entry's lifetime, and the element outlives that
 * by the other half. An element without the prefix (written before it existed) counts as live.
 */
final class DirectoryElements {
    /**
     * Expiries are rounded up to the hour, so the registrations of one endpoint share elements (every warm Lambda
     * environment registers the same API Gateway endpoint) and an endpoint holds at most a few at a time.
     */
    static final long ROUNDING_SECONDS = 3_600;
    /**
     * How long past its expiry an element is kept before a registration deletes it: the deleter's clock decides for
     * every reader, so one clock ahead by less than this deletes nothing another process still lists.
     */
    static final long DELETE_GRACE_SECONDS = 3_600;

    /** The endpoints of the live elements, and the elements past their expiry and the grace (to delete). */
    record Split(Set<String> live, List<String> deletable) {
    }

    private DirectoryElements() {
    }

    static String of(String endpoint, long expiresAtSeconds) {
        long rounded = Math.floorDiv(expiresAtSeconds + ROUNDING_SECONDS - 1, ROUNDING_SECONDS) * ROUNDING_SECONDS;
        return rounded + " " + endpoint;
    }

    static Split split(List<String> elements, long nowSeconds) {
        Set<String> live = new HashSet<>();
        List<String> deletable = new ArrayList<>();
        for (String element : elements) {
            int space = element.indexOf(' ');
            long expiresAt = space > 0 ? expiry(element.substring(0, space)) : -1;
            if (expiresAt < 0) {
                live.add(element); // no expiry of ours: an endpoint URL has no space
            } else if (expiresAt > nowSeconds) {
                live.add(element.substring(space + 1));
            } else if (expiresAt + DELETE_GRACE_SECONDS <= nowSeconds) {
                deletable.add(element);
            }
        }
        return new Split(live, deletable);
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
