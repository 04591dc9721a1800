package dev.skysocket.local.apigw;

import java.util.concurrent.ExecutorService;

/**
 * Ordered mode as configured before {@link ApiGatewayEmulator#start}: it can only become a running
 * {@link OrderedDelivery} once the listener is bound, because the SQS events carry the stage's domain name.
 */
record OrderedMode(QueueIntegration consumer, OrderedDeliverySettings queue) {

    OrderedDelivery start(EmulatorSettings settings, ExecutorService workers, String domainName) {
        return new OrderedDelivery(queue, consumer, workers, settings.integrationTimeout(),
                settings.apiId(), settings.stage(), domainName);
    }
}
