package io.github.camelvelaro.velaro.client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body collected in memory up to {@code maxBytes}. It fails as soon as the body is known to be larger,
 * from its declared length or once more bytes arrive, so a larger body is never held whole: at most {@code maxBytes}
 * are kept. Transport-neutral; not thread-safe (one body, one reader).
 */
final class BoundedBody {

    private final long maxBytes;
    private final List<byte[]> chunks = new ArrayList<>(2);
    private long size;

    BoundedBody(long maxBytes) {
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is not a possible array size");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Fails at once when the response declares more than the limit.
     *
     * @param declaredLength the declared length (Content-Length), or -1 when none was declared
     */
    void expectLength(long declaredLength) throws ResponseLimitException {
        if (declaredLength > maxBytes) {
            throw ResponseLimitException.tooLarge(declaredLength);
        }
    }

    /** Takes in the next bytes of the body, or fails when they would take it past the limit. */
    void append(ByteBuffer data) throws ResponseLimitException {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (n > maxBytes - size) {
            throw ResponseLimitException.tooLarge(-1);
        }
        byte[] chunk = new byte[n];
        data.get(chunk);
        chunks.add(chunk);
        size += n;
    }

    /** The whole body (without a copy when it came in one piece). */
    byte[] toByteArray() {
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }
}
