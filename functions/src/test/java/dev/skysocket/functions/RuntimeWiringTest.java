package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.skysocket.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong setup fails at start (or on the first misrouted event), saying which variable fixes it. No Quarkus. */
class RuntimeWiringTest {

    private static Map<String, String> valid() {
        Map<String, String> settings = new HashMap<>();
        settings.put("skysocket.region", "eu-west-1");
        settings.put("skysocket.open-invoker", "thread");
        // No DynamoDB or Lambda endpoint is reachable here: priming's calls would only wait out their retries.
        settings.put("skysocket.prime", "false");
        return settings;
    }

    @Test
    void aMissingRegionFailsNamingAwsRegion() {
        Map<String, String> settings = valid();
        settings.remove("skysocket.region");

        assertThatThrownBy(() -> RuntimeWiring.from(Settings.of(settings)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_REGION");
    }

    @Test
    void theLambdaInvokerWithoutAnOpenFunctionFailsNamingTheVariable() {
        Map<String, String> settings = valid();
        settings.remove("skysocket.open-invoker");

        assertThatThrownBy(() -> RuntimeWiring.from(Settings.of(settings)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKYSOCKET_OPEN_FUNCTION");
    }

    @Test
    void functionsOtherThanConnectNeedNoOpenFunction() {
        Map<String, String> settings = valid();
        settings.put("skysocket.open-invoker", "lambda");

        for (String handler : new String[] {"open", "default", "disconnect", "heartbeat", "publish"}) {
            try (RuntimeWiring wiring = RuntimeWiring.from(Settings.of(settings), handler)) {
                assertThat(wiring.runtime().message()).as(handler).isNotNull();
            }
        }
        assertThatThrownBy(() -> RuntimeWiring.from(Settings.of(settings), "connect"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKYSOCKET_OPEN_FUNCTION");
    }

    @Test
    void anUnknownOpenInvokerFailsListingTheChoices() {
        Map<String, String> settings = valid();
        settings.put("skysocket.open-invoker", "sqs");

        assertThatThrownBy(() -> RuntimeWiring.from(Settings.of(settings)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'lambda'").hasMessageContaining("'thread'");
    }

    @Test
    void aDynamoDbEndpointThatIsNotAUrlFailsNamingTheVariable() {
        Map<String, String> settings = valid();
        settings.put("skysocket.dynamodb-endpoint", "localhost:8000");

        assertThatThrownBy(() -> RuntimeWiring.from(Settings.of(settings)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKYSOCKET_DYNAMODB_ENDPOINT");
    }

    @Test
    void aCompleteSetupBuildsWithoutCallingAws() {
        Map<String, String> settings = valid();
        settings.put("skysocket.open-invoker", "lambda");
        settings.put("skysocket.open-function", "skysocket-open");

        try (RuntimeWiring wiring = RuntimeWiring.from(Settings.of(settings))) {
            assertThat(wiring.runtime().connect()).isNotNull();
        }
    }

    @Test
    void aFunctionWithoutQuarkusLambdaHandlerRefusesToStart() {
        assertThatThrownBy(() -> RuntimeProducer.requireHandler(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("QUARKUS_LAMBDA_HANDLER");
        assertThatThrownBy(() -> RuntimeProducer.requireHandler(" ")).isInstanceOf(IllegalStateException.class);
        assertThat(RuntimeProducer.requireHandler("heartbeat")).isEqualTo("heartbeat");
    }

    @Test
    void aHandlerGivenAnotherRoutesEventFailsNamingQuarkusLambdaHandler() {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("$default");
        event.setRequestContext(context);

        assertThatThrownBy(() -> new ConnectHandler(null).handleRequest(event, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("QUARKUS_LAMBDA_HANDLER");
        assertThatThrownBy(() -> new MessageHandler(null).handleRequest(
                WebSocketEvents.parse(WebSocketEvents.disconnect("abc=")), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'default'");
    }
}
