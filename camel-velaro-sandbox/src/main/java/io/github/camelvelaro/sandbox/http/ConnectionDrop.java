package io.github.camelvelaro.sandbox.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Ends a connection without a response, as a failing network would: a clean close (FIN), which clients see as the
 * server closing the connection, or an abortive one (TCP RST, through {@code SO_LINGER 0}), which they see as
 * "connection reset".
 */
final class ConnectionDrop {

    private ConnectionDrop() {
    }

    /**
     * Closes the request's connection before anything of a response was written, then completes Jetty's callback:
     * as a failure, so Jetty neither tries to write a response to the closed connection nor keeps it open.
     */
    static void drop(Request request, boolean reset, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // the client is already gone: a plain close below does as well
            }
        }
        endPoint.close();
        callback.failed(new EofException("connection dropped by an injected sandbox fault"));
    }
}
