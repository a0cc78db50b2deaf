package io.github.camelvelaro.examples.site;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.examples.ExampleSettings;
import io.github.camelvelaro.examples.SandboxOptions;
import io.github.camelvelaro.examples.VelaroAccount;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;

/**
 * The embedded Velaro sandbox, started with a read-write key, a workflow trigger, a lively activity generator and the
 * example's webhook URL registered: the whole example runs offline, without a Velaro account. Nothing of the user's
 * {@code VELARO_*} settings is used here.
 */
public final class SandboxSite implements VelaroSite {

    /**
     * The sandbox's and the component's daily request limit. Velaro's plan allows 1,000 a day; with the short poll
     * delay of a demo that would be spent within the hour and the example would stall, so the local plan is larger.
     */
    static final int DAILY_REQUEST_LIMIT = 50_000;

    /** The name of the sandbox workflow the follow-up route triggers. */
    public static final String FOLLOW_UP_WORKFLOW = "follow-up-survey";

    private final VelaroSandbox sandbox;
    private final String apiKey;
    private final SandboxOptions options;
    private final String workflowTriggerUrl;
    private final int webhookPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxSite(VelaroSandbox sandbox, String apiKey, String workflowTriggerUrl, ExampleSettings settings) {
        this.sandbox = sandbox;
        this.apiKey = apiKey;
        this.workflowTriggerUrl = workflowTriggerUrl;
        this.options = settings.sandbox();
        // any free port unless one is asked for: a second run or a busy 8080 does not get in the way
        this.webhookPort = settings.webhookPort() != null ? settings.webhookPort() : 0;
    }

    /** Starts a sandbox on a free loopback port and makes the initial changes. */
    public static SandboxSite start(ExampleSettings settings) {
        SandboxOptions options = settings.sandbox();
        SandboxSettings sandboxSettings = SandboxSettings.defaults().withDailyLimit(DAILY_REQUEST_LIMIT);
        if (options.seed() != null) {
            sandboxSettings = sandboxSettings.withSeed(options.seed());
        }
        if (options.fastWebhookRetry()) {
            sandboxSettings = sandboxSettings.withWebhookRetry(RetryPolicy.fast());
        }
        VelaroSandbox sandbox = new VelaroSandbox(sandboxSettings).start();
        try {
            String key = sandbox.createReadWriteKey();
            // the sandbox's own trigger, like one made in Velaro's workflow editor; nothing of the user's account is
            // used against the sandbox
            String trigger = sandbox.createWorkflowTrigger(FOLLOW_UP_WORKFLOW);
            sandbox.activity().tick(options.initialChanges());
            return new SandboxSite(sandbox, key, trigger, settings);
        } catch (RuntimeException e) {
            sandbox.stop();
            throw e;
        }
    }

    /** The running sandbox, to drive or inspect it (tests). */
    public VelaroSandbox sandbox() {
        return sandbox;
    }

    @Override
    public String headline() {
        return "No " + VelaroAccount.API_KEY + " set: running against the embedded Velaro sandbox at "
               + sandbox.baseUrl() + " — set " + VelaroAccount.API_KEY + " to use api.velaro.com";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        // a fake key that only this sandbox accepts, handed to the component like a real one
        p.put(ExampleProperties.API_KEY, apiKey);
        p.put(ExampleProperties.BASE_URL, sandbox.baseUrl());
        p.put(ExampleProperties.DAILY_REQUEST_LIMIT, Integer.toString(DAILY_REQUEST_LIMIT));
        p.put(ExampleProperties.WEBHOOK_SECRET, sandbox.webhookSecret());
        p.put(ExampleProperties.POLL_DELAY, Long.toString(options.pollDelayMillis()));
        // only the local sandbox posts webhooks here
        p.put(ExampleProperties.SERVER_HOST, "127.0.0.1");
        p.put(ExampleProperties.SERVER_PORT, Integer.toString(webhookPort));
        p.put(ExampleProperties.WORKFLOW_TRIGGER_URL, workflowTriggerUrl);
        return p;
    }

    @Override
    public Map<String, String> disabledRoutes() {
        return Map.of();
    }

    @Override
    public void started(URI webhookUrl) {
        sandbox.registerWebhook(webhookUrl.toString());
        if (options.activityPerMinute() > 0) {
            sandbox.activity().startPerMinute(options.activityPerMinute());
        }
    }

    @Override
    public List<String> details(URI webhookUrl, Duration pollDelay) {
        List<String> lines = new ArrayList<>();
        lines.add(VelaroSite.detail("Activity", options.activityPerMinute() > 0
                ? options.activityPerMinute() + " changes a minute: visitors start conversations, agents take and "
                  + "resolve them, contacts change"
                : "none generated (changes come from the caller)"));
        lines.add(VelaroSite.detail("Polling", "conversations every " + VelaroSite.describe(pollDelay)
                                                 + " (against api.velaro.com the component picks a delay within the "
                                                 + "daily budget)"));
        lines.add(VelaroSite.detail("Webhooks", "the sandbox sends signed events to " + webhookUrl));
        lines.add(VelaroSite.detail("Workflow", "each resolved conversation starts the sandbox's \""
                                                  + FOLLOW_UP_WORKFLOW + "\" workflow"));
        return lines;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sandbox.stop();
        }
    }
}
