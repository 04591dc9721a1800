package dev.skysocket.fanout;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/** Posts through the SDK's own client: its full request pipeline, marshaller and signer. The reference path. */
final class SdkFramePoster implements FramePoster {
    private final ApiGatewayManagementApiAsyncClient client;

    SdkFramePoster(ApiGatewayManagementApiAsyncClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<?> post(String connectionId, Frame frame) {
        return client.postToConnection(b -> b.connectionId(connectionId).data(frame.sdkBytes()));
    }
}
