package dev.skysocket.gateway.bench;

import dev.skysocket.local.LocalDynamo;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.util.concurrent.CountDownLatch;

/**
 * DynamoDB Local in its own JVM with the Skysocket table, so the gateway process measured beside it holds only
 * the gateway. Prints {@code dynamodb-ready <port>}; runs until killed. Arguments: port, table name, and the
 * seconds to warm the store first ({@link StoreWarmup}; 0 or absent: none).
 */
public final class DynamoProcess {
    private DynamoProcess() {
    }

    public static void main(String[] args) throws Exception {
        LocalDynamo dynamo = LocalDynamo.start(Integer.parseInt(args[0]));
        TableBootstrap.ensureTable(dynamo.client(), args.length > 1 ? args[1] : "skysocket");
        int warmSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (warmSeconds > 0) {
            long calls = StoreWarmup.run(dynamo.client(), warmSeconds);
            System.out.println("dynamodb-warmed calls=" + calls + " seconds=" + warmSeconds);
        }
        System.out.println("dynamodb-ready " + dynamo.endpoint().getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
        new CountDownLatch(1).await();
    }
}
