package dev.skysocket.gateway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a server JVM's command line, with the flags the benchmark gives every JVM it measures. */
final class JvmCommand {
    private JvmCommand() {
    }

    /** This JVM's own {@code java} (the one the build tested with), then {@code options}. */
    static List<String> java(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options);
        return command;
    }

    /** GC pauses, to line up with the latency trace; logging them changes nothing measurable. */
    static void logGc(List<String> command, Path file) {
        command.add("-Xlog:gc:file=" + file + ":uptime,time");
    }

    /**
     * A JFR recording of the whole run, its wall-clock stamps lining emits up with its samples. The SDK's request
     * pipeline is deeper than JFR's default 64 frames: the stack depth keeps the caller in it.
     */
    static void record(List<String> command, String file, boolean dumpOnExit) {
        command.add("-XX:FlightRecorderOptions=stackdepth=256");
        command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile"
                + (dumpOnExit ? ",dumponexit=true" : ""));
    }
}
