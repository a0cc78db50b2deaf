package io.github.camelvelaro.velaro.metrics;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the application's Micrometer registry as camel-micrometer does: the bean named {@code metricsRegistry}
 * ({@code MicrometerConstants.METRICS_REGISTRY_NAME}), else the only {@code MeterRegistry} in Camel's registry. It
 * never creates one, and without Micrometer on the classpath it touches none of its classes.
 */
public final class MicrometerLookup {

    /** The bean name camel-micrometer looks up first. */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerLookup.class);
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private MicrometerLookup() {
    }

    /** Meters in the application's registry, or {@link VelaroMetrics#NOOP} when there is none. */
    public static VelaroMetrics metricsFor(CamelContext camel, Supplier<Clock> clock) {
        Class<?> type;
        try {
            type = Class.forName(METER_REGISTRY, false, MicrometerLookup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Micrometer is not on the classpath: the velaro component registers no meters");
            return VelaroMetrics.NOOP;
        }
        Object registry = find(camel, type);
        if (registry == null) {
            LOG.debug("No MeterRegistry in the Camel registry: the velaro component registers no meters");
            return VelaroMetrics.NOOP;
        }
        LOG.info("The velaro component registers its meters (camel.velaro.*) in {}", registry.getClass().getSimpleName());
        return MicrometerMetrics.create(registry, camel.getName(), clock);
    }

    private static Object find(CamelContext camel, Class<?> type) {
        Object named = camel.getRegistry().lookupByNameAndType(METRICS_REGISTRY_NAME, type);
        if (named != null) {
            return named;
        }
        Set<?> all = camel.getRegistry().findByType(type);
        return all != null && all.size() == 1 ? all.iterator().next() : null;
    }
}
