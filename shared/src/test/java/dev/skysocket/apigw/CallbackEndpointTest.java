package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import org.junit.jupiter.api.Test;

/** Where posts to a connection go: never to a custom domain, whose /@connections answers 403. */
class CallbackEndpointTest {

    @Test
    void behindACustomDomainTheExecuteApiEndpointIsUsed() {
        var endpoint = new CallbackEndpoint(null, "eu-west-1");

        assertThat(endpoint.of(event("ws.example.com", "abc123def4", "prod")))
                .isEqualTo("https://abc123def4.execute-api.eu-west-1.amazonaws.com/prod");
    }

    @Test
    void onTheDefaultEndpointTheUrlIsTheSame() {
        var endpoint = new CallbackEndpoint(null, "us-east-1");

        assertThat(endpoint.of(event("abc123def4.execute-api.us-east-1.amazonaws.com", "abc123def4", "dev")))
                .isEqualTo("https://abc123def4.execute-api.us-east-1.amazonaws.com/dev");
    }

    @Test
    void chinaRegionsUseTheirPartitionsSuffix() {
        assertThat(new CallbackEndpoint(null, "cn-north-1").of(event("ws.example.cn", "abc123def4", "prod")))
                .isEqualTo("https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn/prod");
    }

    @Test
    void aConfiguredEndpointWinsWithoutItsTrailingSlash() {
        var endpoint = new CallbackEndpoint("https://ws.example.com/prod/", "eu-west-1");

        assertThat(endpoint.of(event("ws.example.com", "abc123def4", "prod"))).isEqualTo("https://ws.example.com/prod");
    }

    @Test
    void aCustomDomainWithTheStageMappedAtItsRootIsTheDomainAlone() {
        // template.yaml with DisableExecuteApiEndpoint=true and an empty ApiMappingKey: https://<domain>/
        var endpoint = new CallbackEndpoint("https://ws.example.com/", "eu-west-1");

        assertThat(endpoint.of(event("ws.example.com", "abc123def4", "prod"))).isEqualTo("https://ws.example.com");
    }

    @Test
    void withoutAnApiIdOrWithAHostileOneTheDomainIsUsed() {
        var endpoint = new CallbackEndpoint(null, "eu-west-1");

        assertThat(endpoint.of(event("abc.execute-api.eu-west-1.amazonaws.com", null, "prod")))
                .isEqualTo("https://abc.execute-api.eu-west-1.amazonaws.com/prod");
        assertThat(endpoint.of(event("abc.execute-api.eu-west-1.amazonaws.com", "evil.example/x#", "prod")))
                .isEqualTo("https://abc.execute-api.eu-west-1.amazonaws.com/prod");
    }

    private static APIGatewayV2WebSocketEvent event(String domain, String apiId, String stage) {
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setDomainName(domain);
        context.setApiId(apiId);
        context.setStage(stage);
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        return event;
    }
}
