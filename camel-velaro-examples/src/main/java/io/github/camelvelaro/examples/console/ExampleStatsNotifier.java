package io.github.camelvelaro.examples.console;

import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts what the routes send, by watching Camel's "exchange sent" events from outside the routes: the Java and the
 * YAML routes stay plain Camel (the YAML runs unchanged under Camel JBang), and both are counted the same way.
 * <ul>
 * <li>a successful send to {@code direct:upsert-contact} (past the de-duplication): a followed-up conversation, by
 * the route it came from;</li>
 * <li>a successful send to a {@code velaro:contacts} create or update, or to {@code velaro:workflows}.</li>
 * </ul>
 * What arrives, and what fails, is counted by {@link ArrivalsPolicy}.
 */
public final class ExampleStatsNotifier extends EventNotifierSupport {

    private static final String UPSERT_CONTACT_URI = "direct://upsert-contact";

    private final ExampleStats stats;

    public ExampleStatsNotifier(ExampleStats stats) {
        this.stats = stats;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        // "sending" events are not ignored: Camel fires the "sent" event only when a notifier took the "sending" one
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent && sent.getExchange().getException() == null) {
            countSend(sent.getEndpoint(), sent.getExchange());
        }
    }

    private void countSend(Endpoint endpoint, Exchange exchange) {
        if (endpoint instanceof VelaroEndpoint velaro) {
            switch (velaro.getKind()) {
                case CONTACTS -> {
                    String operation = velaro.getConfiguration().getOperation().uriName();
                    if ("create".equals(operation)) {
                        stats.contactCreated();
                    } else if ("update".equals(operation)) {
                        stats.contactUpdated();
                    }
                }
                case WORKFLOWS -> stats.workflowTriggered();
                default -> {
                    // conversations are only polled here
                }
            }
        } else if (UPSERT_CONTACT_URI.equals(endpoint.getEndpointBaseUri())) {
            stats.followedUp(RouteIds.WEBHOOK_EVENTS.equals(exchange.getFromRouteId()));
        }
    }
}
