package io.github.camelvelaro.sandbox.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: one acceptor thread and one thread per connection.
 * <p>
 * Why not the JDK's {@code com.sun.net.httpserver}: it overwrites every {@code Date} header with the wall clock
 * (the sandbox must send its own, simulated clock, which pollers read) and it cannot abort a connection with a
 * TCP reset. Owning the socket gives both, with no dependency for the users who put the sandbox in their tests.
 */
public final class HttpServerLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpServerLoop.class.getName());

    private final InetSocketAddress bindAddress;
    private final RequestHandler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
    private ExecutorService connections;
    private Thread acceptor;
    private volatile int boundPort = -1;

    public HttpServerLoop(InetAddress host, int port, RequestHandler handler) {
        this.bindAddress = new InetSocketAddress(host, port);
        this.handler = handler;
    }

    /** Binds the port and starts accepting; returns once the port is bound. */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(bindAddress, 128);
        serverSocket = socket;
        boundPort = socket.getLocalPort();
        connections = Executors.newCachedThreadPool(daemonThreads("velaro-sandbox-http-"));
        acceptor = daemonThreads("velaro-sandbox-acceptor-").newThread(this::acceptLoop);
        acceptor.start();
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return boundPort;
    }

    private void acceptLoop() {
        ServerSocket socket = serverSocket;
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                connections.execute(new HttpConnection(client, handler, () -> open.remove(client)));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "Accepting a connection failed: {0}", e.toString());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // stopping
            }
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public synchronized void close() {
        if (serverSocket == null) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the server socket: {0}", e.toString());
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        connections.shutdownNow();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        serverSocket = null;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
