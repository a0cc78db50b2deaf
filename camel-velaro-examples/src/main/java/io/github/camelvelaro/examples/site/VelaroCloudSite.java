package io.github.camelvelaro.examples.site;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.examples.ExampleSettings;
import io.github.camelvelaro.examples.VelaroAccount;
import io.github.camelvelaro.examples.routes.RouteIds;

/**
 * api.velaro.com (or {@code VELARO_BASE_URL}) with the key from {@code VELARO_API_KEY}. A route whose setting is
 * missing is left out, and the console says which variable to set.
 */
public final class VelaroCloudSite implements VelaroSite {

    static final String DEFAULT_BASE_URL = "https://api.velaro.com/v1";

    private final VelaroAccount account;
    private final Integer webhookPort;

    public VelaroCloudSite(ExampleSettings settings) {
        if (settings.sandboxMode()) {
            throw new IllegalArgumentException(VelaroAccount.API_KEY + " is not set");
        }
        this.account = settings.account();
        this.webhookPort = settings.webhookPort();
    }

    private String baseUrl() {
        return account.baseUrl() != null ? account.baseUrl() : DEFAULT_BASE_URL;
    }

    @Override
    public String headline() {
        return VelaroAccount.API_KEY + " set: running against " + baseUrl();
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ExampleProperties.API_KEY, account.apiKey());
        if (account.baseUrl() != null) {
            p.put(ExampleProperties.BASE_URL, account.baseUrl());
        }
        if (account.dailyRequestLimit() != null) {
            p.put(ExampleProperties.DAILY_REQUEST_LIMIT, account.dailyRequestLimit().toString());
        }
        if (account.webhookSecret() != null) {
            p.put(ExampleProperties.WEBHOOK_SECRET, account.webhookSecret());
            if (webhookPort != null) {
                p.put(ExampleProperties.SERVER_PORT, webhookPort.toString());
            }
        } else {
            // no webhook route, so no port to open
            p.put(ExampleProperties.SERVER_ENABLED, "false");
        }
        if (account.workflowTriggerUrl() != null) {
            p.put(ExampleProperties.WORKFLOW_TRIGGER_URL, account.workflowTriggerUrl());
        }
        // no poll delay: the component's default keeps polling within the daily budget
        return p;
    }

    @Override
    public Map<String, String> disabledRoutes() {
        Map<String, String> disabled = new LinkedHashMap<>();
        if (account.webhookSecret() == null) {
            disabled.put(RouteIds.WEBHOOK_EVENTS, VelaroAccount.WEBHOOK_SECRET);
        }
        if (account.workflowTriggerUrl() == null) {
            disabled.put(RouteIds.FOLLOW_UP_WORKFLOW, VelaroAccount.WORKFLOW_TRIGGER_URL);
        }
        return disabled;
    }

    @Override
    public void started(URI webhookUrl) {
        // nothing to start: Velaro has no API to register webhooks, the details say where to enter the URL
    }

    @Override
    public List<String> details(URI webhookUrl, Duration pollDelay) {
        List<String> lines = new ArrayList<>();
        lines.add(VelaroSite.detail("Polling", "conversations every " + VelaroSite.describe(pollDelay)
                                                 + ", which keeps quiet polls within half of the daily request budget"));
        lines.add(VelaroSite.detail("Webhooks", webhookUrl != null
                ? "listening on port " + webhookUrl.getPort() + " at " + RouteIds.WEBHOOK_PATH
                  + ": in Velaro Settings → Webhooks, enter the public HTTPS address that reaches it"
                : "off: set " + VelaroAccount.WEBHOOK_SECRET + " (Velaro Settings → Webhooks) to receive events; "
                  + "resolved conversations still arrive by polling"));
        lines.add(VelaroSite.detail("Workflow", account.workflowTriggerUrl() != null
                ? "follow-up survey through " + VelaroAccount.WORKFLOW_TRIGGER_URL
                : "off: set " + VelaroAccount.WORKFLOW_TRIGGER_URL + " to start a follow-up survey"));
        return lines;
    }

    @Override
    public void close() {
        // nothing was started
    }
}
