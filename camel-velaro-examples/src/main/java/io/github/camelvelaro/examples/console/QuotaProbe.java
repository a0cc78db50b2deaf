package io.github.camelvelaro.examples.console;

import java.util.Optional;

import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.metrics.BudgetDay;
import org.apache.camel.CamelContext;

/**
 * The key's quota as the component last saw it, never calling Velaro: the per-minute window of the key and the
 * component's daily count, shared by every endpoint of the {@code velaro} component.
 */
public final class QuotaProbe {

    /** An endpoint with the component's key; the contacts lookup of the routes uses this very URI. */
    static final String ENDPOINT_URI = "velaro:contacts?operation=list";

    private final CamelContext context;
    private VelaroEndpoint endpoint;

    public QuotaProbe(CamelContext context) {
        this.context = context;
    }

    /** The quota, or empty when it cannot be read (no valid key, or the component is stopping). */
    public synchronized Optional<QuotaSnapshot> read() {
        try {
            // looked up once: a stopping context no longer hands out endpoints, and the last summary reads it then
            if (endpoint == null) {
                endpoint = context.getEndpoint(ENDPOINT_URI, VelaroEndpoint.class);
            }
            // a stopped component has let go of its counts: asking it now would show a fresh, empty quota
            if (!endpoint.getComponent().isRunAllowed()) {
                return Optional.empty();
            }
            return Optional.of(endpoint.createApi().quota());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Today's requests per hour against the quota's daily limit, as the component counted them; never calls Velaro. */
    public synchronized Optional<BudgetDay> budget(QuotaSnapshot quota) {
        if (endpoint == null || !endpoint.getComponent().isRunAllowed()) {
            return Optional.empty();
        }
        return Optional.of(endpoint.getComponent().activity().today(quota.dailyLimit()));
    }
}
