package dev.skysocket.logging;

import dev.skysocket.config.Settings;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installs the one console handler of a Skysocket process (the local stack, the Fargate gateway): every record,
 * ours and the libraries' (SLF4J is bound to java.util.logging), as one line on standard output.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void install(Settings settings) {
        install(LogFormat.from(settings));
    }

    public static void install(LogFormat format) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler console = new StdoutHandler(formatter(format));
        console.setLevel(Level.ALL);
        root.addHandler(console);
    }

    static Formatter formatter(LogFormat format) {
        return format == LogFormat.JSON ? new JsonLineFormatter() : new TextLineFormatter();
    }
}
