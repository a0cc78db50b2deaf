package io.github.camelvelaro.velaro;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Shows the least-privilege advice in health details: per key, the scopes it declares, those its routes need and
 * those no route needs. Always UP: a key with too many scopes works, it only risks more if it leaks.
 */
final class ScopesHealthCheck implements HealthCheck {

    static final String ID = "velaro-scopes";

    private final ScopeAdvisor advisor;
    private volatile boolean enabled = true;

    ScopesHealthCheck(ScopeAdvisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).up();
        advisor.advice().values().forEach(a -> {
            String prefix = "velaro.scopes." + a.key() + ".";
            builder.detail(prefix + "declared", ScopeAdvisor.names(a.declared()));
            builder.detail(prefix + "needed", ScopeAdvisor.names(a.needed()));
            builder.detail(prefix + "unused", ScopeAdvisor.names(a.unused()));
        });
        return builder.build();
    }
}
