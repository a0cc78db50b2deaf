package io.github.camelvelaro.examples.console;

import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Counts what arrives through the two consumer routes, and which of those items failed. A route policy sees an
 * exchange when it enters the route, that is after the webhook consumer verified the delivery and set the
 * {@code CamelVelaroEventType} header, and again when it is done.
 */
public final class ArrivalsPolicy extends RoutePolicySupport implements RoutePolicyFactory {

    private final ExampleStats stats;

    public ArrivalsPolicy(ExampleStats stats) {
        this.stats = stats;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return RouteIds.POLL_CONVERSATIONS.equals(routeId) || RouteIds.WEBHOOK_EVENTS.equals(routeId) ? this : null;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (RouteIds.POLL_CONVERSATIONS.equals(route.getRouteId())) {
            stats.conversationPolled();
        } else {
            stats.eventReceived(exchange.getMessage().getHeader(VelaroConstants.EVENT_TYPE, String.class));
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        // the webhook consumer answers 500 to a failed route and moves the exception to CamelExceptionCaught, so that
        // the HTTP engine does not send its stack trace; none of the example's routes handles an exception itself
        Throwable failure = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        if (failure != null) {
            String failedIn = exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class);
            stats.failed(failedIn != null ? failedIn : route.getRouteId(), failure);
        }
    }
}
