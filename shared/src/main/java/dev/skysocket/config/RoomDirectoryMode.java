package dev.skysocket.config;

import java.util.Locale;

/**
 * Setting {@code skysocket.room-directory}: {@code true} (on), {@code false} (off) or {@code register}, where every
 * process registers its memberships and sends notices but no node skips a read. {@code register} is the step
 * between off and on: once every process registers, turning it on can miss no member.
 */
public enum RoomDirectoryMode {
    OFF, REGISTER, ON;

    static RoomDirectoryMode from(Settings settings) {
        String value = settings.string("skysocket.room-directory", "true");
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> ON;
            case "false" -> OFF;
            case "register" -> REGISTER;
            default -> throw new IllegalArgumentException("setting skysocket.room-directory ("
                    + Settings.envName("skysocket.room-directory") + ") must be true, false or register, got '"
                    + value + "'");
        };
    }

    /** Whether memberships are registered and notices sent. */
    public boolean registers() {
        return this != OFF;
    }

    /** Whether a gateway node may answer a room from memory alone. */
    public boolean skipsReads() {
        return this == ON;
    }
}
