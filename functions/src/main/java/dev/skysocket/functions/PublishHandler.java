package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.api.BroadcastOperator;
import dev.skysocket.api.EmitReport;
import dev.skysocket.server.JsonValues;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The publish endpoint ({@code QUARKUS_LAMBDA_HANDLER=publish}) behind an IAM-authenticated function URL: a
 * backend service POSTs {@link PublishRequest} and the event goes to the rooms through
 * {@link ApiGatewayRuntime#emitter}. IAM decides who may call it; the caller names the tenant, so only grant it
 * to services trusted with every tenant. Answers {@code {"delivered","gone","failed"}}.
 */
@Named("publish")
@Singleton
public class PublishHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final System.Logger LOG = System.getLogger(PublishHandler.class.getName());
    private final ApiGatewayRuntime runtime;

    @Inject
    public PublishHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocations.run(context, () -> handle(event, context));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        var http = event == null || event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        if (http == null || !"POST".equals(http.getMethod())) {
            return refuse(new PublishRequest.Refused(405, "use POST"));
        }
        PublishRequest request;
        EmitReport report;
        try {
            request = PublishRequest.parse(event.getBody(), event.getIsBase64Encoded());
            if (request.action() instanceof PublishAction.Revoke revoke) {
                return revoke(request.tenant(), revoke);
            }
            BroadcastOperator target = runtime.emitter(request.tenant()).of(request.namespace())
                    .to(request.rooms().toArray(String[]::new))
                    .except(request.except().toArray(String[]::new));
            if (!(request.action() instanceof PublishAction.Emit)) {
                var done = RemoteSocketActions.run(target, request.action());
                LOG.log(Level.INFO, "event=publish_action tenant={0} namespace={1} rooms={2} action={3}",
                        request.tenant(), request.namespace(), request.rooms().size(),
                        request.action().getClass().getSimpleName());
                return response(200, JsonValues.write(done));
            }
            report = target.emit(request.event(), request.args().toArray());
        } catch (PublishRequest.Refused e) {
            return refuse(e);
        } catch (IllegalArgumentException e) {
            // a reserved event name, a namespace or room name the Socket.IO layer refuses
            return refuse(new PublishRequest.Refused(400, e.getMessage()));
        }
        LOG.log(Level.INFO, "event=publish tenant={0} namespace={1} rooms={2} delivered={3} gone={4} failed={5}",
                request.tenant(), request.namespace(), request.rooms().size(), report.delivered(), report.gone(),
                report.failed());
        var body = JsonValues.object()
                .put("delivered", report.delivered())
                .put("gone", report.gone())
                .put("failed", report.failed());
        return response(200, JsonValues.write(body));
    }

    /** Answers {@code {"revoked": user, "closed": connections}}. */
    private APIGatewayV2HTTPResponse revoke(String tenant, PublishAction.Revoke revoke) {
        var emitter = runtime.emitter(tenant);
        int closed = revoke.refuseFor() == null ? emitter.revoke(revoke.user())
                : emitter.revoke(revoke.user(), revoke.refuseFor());
        LOG.log(Level.INFO, "event=publish_action tenant={0} action=Revoke closed={1}", tenant, closed);
        return response(200, JsonValues.write(JsonValues.object().put("revoked", revoke.user()).put("closed", closed)));
    }

    private static APIGatewayV2HTTPResponse refuse(PublishRequest.Refused refused) {
        LOG.log(Level.INFO, "event=publish_refused status={0} reason={1}", refused.status(), refused.getMessage());
        return response(refused.status(), JsonValues.write(JsonValues.object().put("error", refused.getMessage())));
    }

    private static APIGatewayV2HTTPResponse response(int status, String json) {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setHeaders(Map.of("content-type", "application/json"));
        response.setBody(json);
        return response;
    }
}
