package dev.skysocket.local.apigw;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.net.URI;
import java.time.Duration;

/** Starts emulators on free ports and builds the real SDK client against them, as application code would. */
final class EmulatorFixture {

    private EmulatorFixture() {
    }

    static EmulatorSettings settings() {
        return EmulatorSettings.defaults().withPort(0).withIntegrationTimeout(Duration.ofSeconds(5));
    }

    static ApiGatewayEmulator start(EmulatorSettings settings, WebSocketIntegration integration) {
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(settings, integration);
        emulator.start();
        return emulator;
    }

    /** The sync SDK client with the url-connection HTTP client and static dummy credentials. */
    static ApiGatewayManagementApiClient managementClient(String baseUrl) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
