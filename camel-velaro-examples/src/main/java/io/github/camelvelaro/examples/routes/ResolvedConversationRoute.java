package io.github.camelvelaro.examples.routes;

import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Follows up each resolved conversation once: keeps the visitor's contact, then starts the follow-up workflow.
 */
public class ResolvedConversationRoute extends RouteBuilder {

    /** Conversation ids remembered to drop the second copy (webhook and poller both deliver a resolution). */
    static final int REMEMBERED_CONVERSATIONS = 10_000;

    @Override
    public void configure() {
        from("direct:resolved-conversation")
                .routeId(RouteIds.RESOLVED_CONVERSATION)
                // an id is released again when its follow-up fails, so a redelivery or the next poll retries it
                .idempotentConsumer(header(VelaroConstants.CONVERSATION_ID),
                        MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_CONVERSATIONS))
                    // an anonymous visitor left no email: there is no contact to keep or survey to send
                    .filter(simple("${body.visitorEmail} != null"))
                        .setVariable(RouteIds.CONVERSATION_VARIABLE, body())
                        .to("direct:upsert-contact")
                        // the workflow route runs only when a trigger URL is configured; without one the example
                        // leaves it out, and then this send does nothing (rather than wait 30 s and fail)
                        .to("direct:follow-up-workflow?block=false&failIfNoConsumers=false")
                    .end()
                .end();
    }
}
