package io.github.camelvelaro.examples.console;

import java.util.Optional;

import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import org.apache.camel.CamelContext;

/**
 * The key's quota as the component last saw it, never calling Velaro: the per-minute window of the key and the
 * component's daily count, shared by every endpoint of the {@code velaro} component.
 */
public final class QuotaProbe {

    /** An endpoint with the component's key; the contacts lookup of the routes uses this very URI. */
    static final String ENDPOINT_URI = "velaro:contacts?operation=list";

    private final CamelContext context;

    public QuotaProbe(CamelContext context) {
        this.context = context;
    }

    /** The quota, or empty when it cannot be read (no valid key, or the context is stopping). */
    public Optional<QuotaSnapshot> read() {
        try {
            return Optional.of(context.getEndpoint(ENDPOINT_URI, VelaroEndpoint.class).createApi().quota());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
