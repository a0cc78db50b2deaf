package io.github.camelvelaro.sandbox.http;

import java.io.IOException;
import java.net.InetAddress;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The sandbox's HTTP/1.1 server: Jetty (core API, no servlets) on one address, handing every request to a
 * {@link RequestHandler}.
 * <p>
 * Jetty does the protocol (keep-alive, chunked bodies, {@code Expect: 100-continue}, and the 400/413/431 answers to
 * requests it cannot accept). Two settings make it fit an emulator: it does not write its own {@code Date} header
 * (the sandbox writes one from its simulated clock, which pollers read) nor a {@code Server} header. Its threads are
 * daemons, so neither a test JVM nor the standalone process waits for them.
 */
public final class SandboxHttpServer implements AutoCloseable {

    /** The largest request body accepted; a larger one is answered 413 by Jetty. */
    static final long MAX_BODY = 4 * 1024 * 1024;
    /** The largest request line plus header section accepted; a larger one is answered 431 by Jetty. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** How long an idle keep-alive connection is kept open. */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;
    /**
     * Enough for the clients of a test run, each delayed request holding one (a delay fault sleeps on it); the pool
     * starts small so a sandbox per test class costs little.
     */
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 2;

    private final InetAddress host;
    private final int port;
    private final RequestHandler handler;
    private final SelfSignedCertificate certificate;
    private Server server;
    private ServerConnector connector;

    public SandboxHttpServer(InetAddress host, int port, RequestHandler handler) {
        this(host, port, handler, null);
    }

    /** @param certificate what to serve HTTPS with, or null for HTTP */
    public SandboxHttpServer(InetAddress host, int port, RequestHandler handler, SelfSignedCertificate certificate) {
        this.host = host;
        this.port = port;
        this.handler = handler;
        this.certificate = certificate;
    }

    /** Binds the port and starts serving; returns once the port is bound. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("velaro-sandbox-http");
        threads.setDaemon(true);
        // no threads held back for Jetty's own tasks: a sandbox is small, and the pool grows when it must
        threads.setReservedThreads(0);
        Server jetty = new Server(threads, new ScheduledExecutorScheduler("velaro-sandbox-scheduler", true), null);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendDateHeader(false);
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        // one acceptor and one selector: loopback traffic from a few clients, on machines with few cores
        ServerConnector listener = certificate == null
                ? new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http))
                : new ServerConnector(jetty, 1, 1, new SslConnectionFactory(tls(certificate), "http/1.1"),
                        new HttpConnectionFactory(http));
        listener.setHost(host.getHostAddress());
        listener.setPort(port);
        listener.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        jetty.addConnector(listener);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_BODY, -1);
        sizeLimit.setHandler(new JettyRequestBridge(handler));
        jetty.setHandler(sizeLimit);
        try {
            jetty.start();
        } catch (IOException e) {
            stopQuietly(jetty);
            throw e;
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IOException("Jetty did not start: " + e, e);
        }
        server = jetty;
        connector = listener;
    }

    private static SslContextFactory.Server tls(SelfSignedCertificate certificate) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(new String(certificate.password()));
        tls.setKeyManagerPassword(new String(certificate.password()));
        return tls;
    }

    /** The bound port (useful when started on port 0). */
    public synchronized int port() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public synchronized void close() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            connector = null;
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            System.getLogger(SandboxHttpServer.class.getName()).log(System.Logger.Level.DEBUG,
                    "Stopping Jetty: {0}", e.toString());
        }
    }
}
