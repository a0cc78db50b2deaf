package io.github.camelvelaro.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Polls conversations created or updated since the last poll. Resolved ones go to the follow-ups too: webhooks bring
 * them within seconds, and polling is the safety net for a delivery missed while this application was down (Velaro
 * stops redelivering after a few minutes); the follow-up route drops whichever copy comes second.
 */
public class PollConversationsRoute extends RouteBuilder {

    @Override
    public void configure() {
        // {{?velaro.poll-delay}} drops the option when the property is not set. Against api.velaro.com it is not, so
        // the component picks the delay that keeps quiet polls within half of the daily budget (1,000 requests a
        // day: one poll every 173 s). The embedded sandbox sets a short delay, since its budget is local and a demo
        // should show changes within seconds.
        from("velaro:conversations?delay={{?velaro.poll-delay}}")
                .routeId(RouteIds.POLL_CONVERSATIONS)
                .filter(simple("${body.status} == 'resolved'"))
                    .to("direct:resolved-conversation")
                .end();
    }
}
