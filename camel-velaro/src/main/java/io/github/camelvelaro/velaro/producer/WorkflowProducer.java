package io.github.camelvelaro.velaro.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.github.camelvelaro.velaro.VelaroAccountOptions;
import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.VelaroOperation;
import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroResponse;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import io.github.camelvelaro.velaro.client.WorkflowTrigger;
import org.apache.camel.Message;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * {@code velaro:workflows}: POSTs the body as JSON to a workflow's webhook trigger URL. The URL is the credential:
 * no API key is needed, and the URL never appears in logs or messages. The body after the call is Velaro's answer as
 * text (null when empty).
 */
public class WorkflowProducer extends AbstractVelaroProducer {

    private final WorkflowTrigger trigger;

    public WorkflowProducer(VelaroEndpoint endpoint) {
        super(endpoint);
        this.trigger = endpoint.getConfiguration().workflowTrigger();
    }

    /** Start-up checks: a valid trigger URL, and no operation other than create. */
    public static void validate(VelaroConfiguration configuration, VelaroAccountOptions account) {
        configuration.checkFor(VelaroResource.WORKFLOWS, account);
        VelaroProducer.operation(VelaroResource.WORKFLOWS, configuration.getOperation(), "Option operation");
        configuration.workflowTrigger();
    }

    @Override
    protected CompletableFuture<VelaroResponse<String>> call(VelaroApi api, Message in) {
        return api.triggerWorkflow(trigger, json(in.getBody()));
    }

    @Override
    protected void onResponse(Message out, VelaroResponse<?> response) {
        out.setBody(response.body());
    }

    /** JSON text is sent as given once checked to be JSON; anything else is serialised; no body sends {}. */
    static byte[] json(Object body) {
        if (body == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes;
        if (body instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof InputStream in) {
            try {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new VelaroValidationException("Cannot read the message body for the workflow trigger", e);
            }
        } else {
            try {
                return VelaroJson.toJsonBytes(body);
            } catch (IllegalArgumentException e) {
                throw new VelaroValidationException("The message body cannot be sent to the workflow trigger as JSON: "
                                                    + e.getMessage(), e);
            }
        }
        try {
            VelaroJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new VelaroValidationException("The message body is not valid JSON, so it was not sent to the workflow "
                                                + "trigger", e);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "WorkflowProducer[" + trigger + ", operation " + VelaroOperation.CREATE + "]";
    }
}
