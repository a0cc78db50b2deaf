package io.github.camelvelaro.velaro.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.apache.hc.core5.http.HttpEntity;

/**
 * HttpClient 5's glue for {@code maxResponseSize}: reads a response entity into a {@link BoundedBody}, failing with a
 * {@link ResponseLimitException} as soon as the body is known to be larger. The caller then aborts the request, so
 * the connection is closed instead of being drained or pooled half-read.
 */
final class BoundedEntity {

    private static final int CHUNK = 8192;
    private static final byte[] EMPTY = new byte[0];

    private BoundedEntity() {
    }

    /** The whole body, or an empty array when there is none. */
    static byte[] read(HttpEntity entity, long maxBytes) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        BoundedBody body = new BoundedBody(maxBytes);
        long declared = entity.getContentLength();
        body.expectLength(declared);
        // not closed on failure: closing drains the rest, and the caller aborts the exchange instead
        InputStream in = entity.getContent();
        if (in == null) {
            return EMPTY;
        }
        byte[] result;
        if (declared >= 0) {
            // the length is known and within the limit: one array, no copies
            result = in.readNBytes((int) declared);
            if (result.length < declared) {
                throw new IOException("the body ended after " + result.length + " of " + declared + " bytes");
            }
        } else {
            byte[] chunk = new byte[CHUNK];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                body.append(ByteBuffer.wrap(chunk, 0, n));
            }
            result = body.toByteArray();
        }
        in.close(); // at the end of the body: releases the connection to the pool
        return result;
    }
}
