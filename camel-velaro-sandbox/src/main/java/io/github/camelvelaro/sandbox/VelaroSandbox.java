package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.github.camelvelaro.sandbox.activity.ActivityGenerator;
import io.github.camelvelaro.sandbox.api.ApiRequestHandler;
import io.github.camelvelaro.sandbox.faults.FaultInjector;
import io.github.camelvelaro.sandbox.http.SandboxHttpServer;
import io.github.camelvelaro.sandbox.http.SelfSignedCertificate;
import io.github.camelvelaro.sandbox.journal.RequestJournal;
import io.github.camelvelaro.sandbox.keys.KeyRegistry;
import io.github.camelvelaro.sandbox.limits.RateLimiter;
import io.github.camelvelaro.sandbox.store.ContactStore;
import io.github.camelvelaro.sandbox.store.ConversationStore;
import io.github.camelvelaro.sandbox.store.Ids;
import io.github.camelvelaro.sandbox.webhooks.Webhooks;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import io.github.camelvelaro.sandbox.workflows.WorkflowRuns;
import io.github.camelvelaro.sandbox.workflows.WorkflowTriggers;
import io.github.camelvelaro.velaro.client.VelaroScope;

/**
 * An offline Velaro: the REST API of openapi.yaml over HTTP on loopback, with its data in memory, API keys and
 * scopes, the plan's rate limits, outbound webhooks and transcripts, workflow trigger URLs, a controllable clock, fault
 * injection and a journal of requests.
 * <pre>
 * try (VelaroSandbox sandbox = new VelaroSandbox().start()) {
 *     String key = sandbox.createKey(VelaroScope.READ_CONVERSATIONS, VelaroScope.WRITE_CONVERSATIONS);
 *     // point velaro:conversations?apiKey=…&amp;baseUrl=sandbox.baseUrl() at it
 * }
 * </pre>
 * In JUnit 5 tests, use {@link io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension}.
 */
public class VelaroSandbox implements AutoCloseable {

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final KeyRegistry keys;
    private final RateLimiter limits;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final FaultInjector faults = new FaultInjector();
    private final RequestJournal journal = new RequestJournal();
    private final Webhooks webhooks;
    private final ActivityGenerator activity;
    private final WorkflowTriggers workflowTriggers = new WorkflowTriggers();
    private final WorkflowRuns workflowRuns;
    private final SelfSignedCertificate certificate;
    private SandboxHttpServer server;

    /** A sandbox with the default settings, not yet started. */
    public VelaroSandbox() {
        this(SandboxSettings.defaults());
    }

    /** A sandbox with these settings, not yet started. */
    public VelaroSandbox(SandboxSettings settings) {
        this.settings = settings;
        this.clock = settings.clock() != null ? settings.clock() : SandboxClock.running();
        Ids ids = new Ids(settings.seed());
        this.keys = new KeyRegistry(clock);
        this.limits = new RateLimiter(clock, settings.limits());
        this.contacts = new ContactStore(clock, ids);
        this.conversations = new ConversationStore(clock, ids, contacts::idByEmail);
        this.webhooks = new Webhooks(clock, ids, settings.webhookRetry(), faults::losesWebhookDelivery);
        if (settings.webhookSecret() != null) {
            webhooks.useSecret(settings.webhookSecret());
        }
        conversations.setListener(webhooks);
        contacts.setListener(webhooks);
        this.activity = new ActivityGenerator(conversations, contacts, settings.seed());
        this.workflowRuns = new WorkflowRuns(clock, ids);
        this.certificate = settings.tls() ? SelfSignedCertificate.create() : null;
    }

    /**
     * Binds the port and starts serving and delivering webhooks; returns this. A stopped sandbox can start again,
     * with its data, keys and clock as they were (on a new port when the port is 0).
     */
    public synchronized VelaroSandbox start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        SandboxHttpServer loop = new SandboxHttpServer(settings.host(), settings.port(),
                new ApiRequestHandler(clock, keys, limits, conversations, contacts, faults, journal, workflowTriggers,
                        workflowRuns), certificate);
        try {
            loop.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The Velaro sandbox cannot listen on "
                                           + settings.host().getHostAddress() + ":" + settings.port(), e);
        }
        server = loop;
        webhooks.start();
        return this;
    }

    /** Stops serving, generating activity and delivering webhooks (undelivered ones are dropped). */
    public synchronized void stop() {
        activity.close();
        webhooks.close();
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port it listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return server.port();
    }

    /** The API base URL, like {@code https://api.velaro.com/v1}: e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return origin() + ApiRequestHandler.BASE_PATH;
    }

    /**
     * A trust store holding the certificate this sandbox serves HTTPS with (made when it was created); only for a
     * sandbox set up {@link SandboxSettings#withTls withTls(true)}.
     */
    public KeyStore trustStore() {
        if (certificate == null) {
            throw new IllegalStateException("the sandbox serves HTTP: set it up withTls(true)");
        }
        return certificate.trustStore();
    }

    /** e.g. {@code http://127.0.0.1:41234} or, with TLS, {@code https://127.0.0.1:41234} */
    private String origin() {
        String host = settings.host().getHostAddress();
        if (settings.host() instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return (certificate == null ? "http://" : "https://") + host + ":" + port();
    }

    // --- keys ---

    /** A new API key holding these scopes (none: a key that is refused everything with 403). */
    public String createKey(VelaroScope... scopes) {
        return keys.create(scopes.length == 0 ? EnumSet.noneOf(VelaroScope.class) : EnumSet.of(scopes[0], scopes));
    }

    /** A new API key holding these scopes that expires at {@code expiresAt} on the sandbox clock. */
    public String createKey(Instant expiresAt, VelaroScope... scopes) {
        return keys.create(scopes.length == 0 ? EnumSet.noneOf(VelaroScope.class) : EnumSet.of(scopes[0], scopes),
                expiresAt);
    }

    /** A new API key with all four scopes. */
    public String createReadWriteKey() {
        return keys.create(EnumSet.allOf(VelaroScope.class));
    }

    /** A new API key with {@code read:conversations} and {@code read:contacts}. */
    public String createReadOnlyKey() {
        return keys.create(EnumSet.of(VelaroScope.READ_CONVERSATIONS, VelaroScope.READ_CONTACTS));
    }

    /** The Rotate button: a new key with the same scopes; the old one is refused from now on. */
    public String rotateKey(String key) {
        return keys.rotate(key);
    }

    /** The Revoke button: the key is refused from now on, for good. */
    public void revokeKey(String key) {
        keys.revoke(key);
    }

    /** The fingerprint the journal shows for a key (the same as the component's {@code ApiKey.fingerprint()}). */
    public static String fingerprint(String key) {
        return KeyRegistry.fingerprint(key);
    }

    public KeyRegistry keys() {
        return keys;
    }

    // --- webhooks ---

    /** The {@code whsec_…} secret webhook deliveries are signed with, to configure a receiver. */
    public String webhookSecret() {
        return webhooks.secret();
    }

    /** Events will be POSTed, signed, to this URL. */
    public void registerWebhook(String url) {
        webhooks.registerWebhook(URI.create(url));
    }

    /** Transcripts of ended conversations will be POSTed, unsigned as Velaro documents them, to this URL. */
    public void registerTranscriptWebhook(String url) {
        webhooks.registerTranscriptWebhook(URI.create(url));
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    // --- workflows ---

    /**
     * A new webhook trigger URL for the workflow {@code workflowName}, e.g.
     * {@code http://127.0.0.1:41234/hooks/workflows/<token>}, for {@code velaro:workflows?triggerUrl=RAW(...)}. A POST
     * with a JSON body starts a run ({@code 202 {"runId", "workflow"}}), seen in {@link #workflowRuns()}. The URL is
     * the credential: the token is unguessable and the journal shows it masked. It carries the current port, so
     * create it once the sandbox is started (it stays valid across {@link #reset()}, not across a restart on another
     * port).
     *
     * @throws IllegalStateException when the sandbox is not started
     */
    public String createWorkflowTrigger(String workflowName) {
        String origin = origin(); // first: a sandbox that is not started makes no token
        return origin + WorkflowTriggers.PATH + "/" + workflowTriggers.create(workflowName);
    }

    /** The runs started through trigger URLs, oldest first. */
    public List<WorkflowRun> workflowRuns() {
        return workflowRuns.list();
    }

    /**
     * Waits (wall clock) until at least {@code count} runs were started or {@code timeout} passed, and returns the runs
     * then recorded: fewer than {@code count} when the time ran out, for an assertion to show.
     */
    public List<WorkflowRun> awaitWorkflowRuns(int count, Duration timeout) throws InterruptedException {
        return workflowRuns.await(count, timeout);
    }

    // --- data, time, failures, observation ---

    public SandboxClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestJournal journal() {
        return journal;
    }

    /** The rate limits and their counts; {@code limits().setSettings(...)} changes them at runtime. */
    public RateLimiter limits() {
        return limits;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public ContactStore contacts() {
        return contacts;
    }

    public ActivityGenerator activity() {
        return activity;
    }

    /**
     * While a client walks the pages of {@code GET /conversations}, a new message arrives in a conversation right
     * after page {@code page} was served: its {@code updatedAt} moves, so it moves to the end of the
     * {@code updatedAt} order.
     */
    public void touchConversationAfterPage(String conversationId, int page) {
        faults.afterPage("/conversations", page,
                () -> conversations.addMessage(conversationId, "Visitor", "visitor", "One more thing..."));
    }

    /**
     * Forgets the data, the journal, armed faults, rate-limit counts, registered webhook URLs, recorded events and
     * workflow runs, and stops generated activity. Keys, the webhook secret and workflow trigger URLs stay, so
     * credentials created once for a test class keep working.
     */
    public void reset() {
        activity.stop();
        workflowRuns.clear();
        conversations.clear();
        contacts.clear();
        journal.clear();
        faults.clear();
        limits.reset();
        webhooks.clear();
    }

    public SandboxSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "VelaroSandbox[" + (isRunning() ? baseUrl() : "not running") + ", " + clock + "]";
    }
}
