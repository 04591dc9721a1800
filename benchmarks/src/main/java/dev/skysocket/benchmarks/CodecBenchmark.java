package dev.skysocket.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.engineio.EngineIoDecoder;
import dev.skysocket.protocol.engineio.EngineIoEncoder;
import dev.skysocket.protocol.engineio.EnginePacket;
import dev.skysocket.protocol.socketio.EncodedSocketPacket;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.protocol.socketio.SocketIoEncoder;
import dev.skysocket.protocol.socketio.SocketPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one decode or encode for the packets a chat-like app sees most. Every inbound frame on the API
 * Gateway path pays one Engine.IO and one Socket.IO decode inside a billed Lambda invocation, so these
 * numbers bound the codec's share of that bill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EngineIoDecoder engineDecoder = new EngineIoDecoder(CodecLimits.DEFAULT);
    private final SocketIoDecoder socketDecoder = new SocketIoDecoder(CodecLimits.DEFAULT);

    private String eventText;
    private String frameText;
    private String pingText;
    private String ackText;
    private String binaryHeaderText;
    private List<byte[]> binaryAttachments;
    private String pollingBody;
    private SocketPacket event;
    private SocketPacket ack;
    private SocketPacket binaryEvent;
    private EnginePacket ping;
    private List<EnginePacket> pollingPackets;

    @Setup
    public void setUp() {
        eventText = "2[\"echo\",{\"msg\":\"hello\"}]";
        frameText = "4" + eventText;
        pingText = "2";
        ackText = "3/admin,7[{\"ok\":true,\"id\":\"m-1024\"}]";
        binaryHeaderText = "51-[\"upload\",{\"name\":\"a.png\",\"bytes\":{\"_placeholder\":true,\"num\":0}}]";
        binaryAttachments = List.of(new byte[1024]);
        event = socketDecoder.decode(eventText);
        ack = socketDecoder.decode(ackText);
        ArrayNode upload = JSON.arrayNode().add("upload")
                .add(JSON.objectNode().put("name", "a.png").put("bytes", new byte[1024]));
        binaryEvent = SocketPacket.event("/", null, upload);
        ping = new EnginePacket.Ping("");
        pollingPackets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pollingPackets.add(new EnginePacket.Message("2[\"chat\",{\"room\":\"r1\",\"text\":\"message " + i + "\"}]"));
        }
        pollingBody = EngineIoEncoder.encodePayload(pollingPackets);
    }

    @Benchmark
    public SocketPacket socketIoDecodeEvent() {
        return socketDecoder.decode(eventText);
    }

    @Benchmark
    public EncodedSocketPacket socketIoEncodeEvent() {
        return SocketIoEncoder.encode(event);
    }

    @Benchmark
    public SocketPacket socketIoDecodeAck() {
        return socketDecoder.decode(ackText);
    }

    @Benchmark
    public EncodedSocketPacket socketIoEncodeAck() {
        return SocketIoEncoder.encode(ack);
    }

    /** A binary header and its reassembly with one 1 KiB attachment. */
    @Benchmark
    public SocketPacket socketIoDecodeBinaryAndReconstruct() {
        return socketDecoder.reconstruct(socketDecoder.decode(binaryHeaderText), binaryAttachments);
    }

    @Benchmark
    public EncodedSocketPacket socketIoEncodeBinary() {
        return SocketIoEncoder.encode(binaryEvent);
    }

    /** The whole inbound path for one frame: Engine.IO message, then the Socket.IO event inside it. */
    @Benchmark
    public SocketPacket frameDecodeEngineThenSocket() {
        EnginePacket.Message message = (EnginePacket.Message) engineDecoder.decode(frameText);
        return socketDecoder.decode(message.text());
    }

    @Benchmark
    public EnginePacket engineIoDecodePing() {
        return engineDecoder.decode(pingText);
    }

    @Benchmark
    public String engineIoEncodePing() {
        return EngineIoEncoder.encode(ping);
    }

    @Benchmark
    public List<EnginePacket> engineIoDecodePayload10() {
        return engineDecoder.decodePayload(pollingBody);
    }

    @Benchmark
    public String engineIoEncodePayload10() {
        return EngineIoEncoder.encodePayload(pollingPackets);
    }
}
