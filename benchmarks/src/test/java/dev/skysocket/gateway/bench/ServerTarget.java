package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Socket.IO server under test, started in its own process(es) and stopped by {@link #close()}. */
interface ServerTarget extends AutoCloseable {

    /** Short name for the table: "gateway" or "node". */
    String name();

    /** How it was run: process, versions, settings that matter. */
    String conditions();

    int port();

    /** The Engine.IO path clients connect to. */
    default String path() {
        return "/socket.io/";
    }

    /** The server process's memory (forces a full collection first). */
    Memory.Sample memory() throws IOException, InterruptedException;

    /** The processes whose CPU counts as the server's (the gateway's DynamoDB Local too), by pid. */
    List<Long> serverPids();

    /** Memory of the processes that hold this server's state elsewhere (DynamoDB Local), or 0. */
    default long storeRss() throws IOException {
        return 0;
    }

    @Override
    void close();

    /** CPU time (user + system) of a process in milliseconds, from {@code /proc/<pid>/stat}. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 10; // USER_HZ is 100 on Linux
    }
}
