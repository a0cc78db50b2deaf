package io.github.camelvelaro.velaro;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.VelaroScope;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least privilege, advised: compares the scopes each key declares ({@code scopes}) with the scopes its endpoints'
 * configured operations need, and once the context has fully started logs a WARN naming every declared scope no
 * route needs. A needed scope that is not declared already fails the endpoint's start; this only advises. An operation
 * chosen per message by the {@code CamelVelaroOperation} header is checked when it is sent, not here.
 */
final class ScopeAdvisor implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeAdvisor.class);

    /** What one key declares and what its endpoints need; keyed by the key's fingerprint. */
    private final Map<String, KeyScopes> keys = new LinkedHashMap<>();

    /** Records that an endpoint started with {@code key} needs {@code needed} (null: needs none). */
    synchronized void use(ApiKey key, Set<VelaroScope> declared, VelaroScope needed) {
        KeyScopes scopes = keys.computeIfAbsent(key.fingerprint(), f -> new KeyScopes(key.masked()));
        if (declared != null) {
            scopes.declared.addAll(declared);
            scopes.declaring = true;
        }
        if (needed != null) {
            scopes.needed.add(needed);
        }
    }

    /** One entry per key that declares scopes, in the order the keys were first used. */
    synchronized Map<String, Advice> advice() {
        Map<String, Advice> result = new LinkedHashMap<>();
        keys.values().stream().filter(k -> k.declaring).forEach(k -> {
            Set<VelaroScope> unused = copy(k.declared);
            unused.removeAll(k.needed);
            result.put(k.masked, new Advice(k.masked, copy(k.declared), copy(k.needed), unused));
        });
        return result;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the advice is given once every route has started: see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        advice().values().stream().filter(a -> !a.unused().isEmpty()).forEach(a -> LOG.warn(
                "Velaro key {} declares {} that no route needs (the routes need {}): a key with only the scopes it uses "
                + "does less harm if it leaks; remove them from the key in Velaro and from option scopes",
                a.key(), names(a.unused()), a.needed().isEmpty() ? "none" : names(a.needed())));
    }

    static String names(Set<VelaroScope> scopes) {
        return scopes.stream().map(VelaroScope::value).collect(Collectors.joining(", "));
    }

    private static Set<VelaroScope> copy(Set<VelaroScope> scopes) {
        return scopes.isEmpty() ? EnumSet.noneOf(VelaroScope.class) : EnumSet.copyOf(scopes);
    }

    /** Scopes of one key: declared, needed by its endpoints, and declared but needed by none. */
    record Advice(String key, Set<VelaroScope> declared, Set<VelaroScope> needed, Set<VelaroScope> unused) {
    }

    private static final class KeyScopes {
        final String masked;
        final Set<VelaroScope> declared = EnumSet.noneOf(VelaroScope.class);
        final Set<VelaroScope> needed = EnumSet.noneOf(VelaroScope.class);
        boolean declaring;

        KeyScopes(String masked) {
            this.masked = masked;
        }
    }
}
