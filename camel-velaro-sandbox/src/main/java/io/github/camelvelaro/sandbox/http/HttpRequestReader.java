package io.github.camelvelaro.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x requests from a connection: request line, headers, and a body sent with {@code Content-Length} or
 * {@code Transfer-Encoding: chunked}. Answers {@code Expect: 100-continue} (curl sends it for larger bodies).
 * <p>
 * Only what API clients (the JDK client, curl, Postman) send is supported; anything else is a
 * {@link BadHttpRequestException}, never a guess.
 */
final class HttpRequestReader {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final InputStream in;
    private final Runnable sendContinue;

    /**
     * @param in           the connection's (buffered) input
     * @param sendContinue writes {@code 100 Continue} when a client waits for it before sending its body
     */
    HttpRequestReader(InputStream in, Runnable sendContinue) {
        this.in = in;
        this.sendContinue = sendContinue;
    }

    /** The next request, or null when the client closed the connection between requests. */
    ParsedRequest read() throws IOException, BadHttpRequestException {
        String requestLine = readLine();
        while (requestLine != null && requestLine.isEmpty()) {
            // RFC 9112 2.2: a server should ignore empty lines before the request line
            requestLine = readLine();
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadHttpRequestException(400, "malformed request line");
        }
        String method = parts[0];
        URI target = target(parts[1]);
        Map<String, List<String>> headers = readHeaders();
        boolean http10 = parts[2].equals("HTTP/1.0");
        byte[] body = readBody(headers, http10);
        String rawQuery = target.getRawQuery();
        RawRequest request = new RawRequest(method, target.getPath() == null || target.getPath().isEmpty() ? "/"
                : target.getPath(), rawQuery == null ? "" : rawQuery, headers, body);
        return new ParsedRequest(request, keepAlive(headers, http10));
    }

    /** A request and whether the connection stays open after its response. */
    record ParsedRequest(RawRequest request, boolean keepAlive) {
    }

    private static URI target(String target) throws BadHttpRequestException {
        try {
            URI uri = new URI(target);
            if (!uri.isAbsolute() && !target.startsWith("/")) {
                throw new BadHttpRequestException(400, "request target must be a path");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadHttpRequestException(400, "malformed request target");
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException, BadHttpRequestException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            if (++count > MAX_HEADERS) {
                throw new BadHttpRequestException(431, "too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new BadHttpRequestException(400, "malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        if (line == null) {
            throw new BadHttpRequestException(400, "connection closed inside the header section");
        }
        return headers;
    }

    private byte[] readBody(Map<String, List<String>> headers, boolean http10)
            throws IOException, BadHttpRequestException {
        String transferEncoding = first(headers, "transfer-encoding");
        String contentLength = first(headers, "content-length");
        boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked");
        if (transferEncoding != null && !chunked) {
            throw new BadHttpRequestException(501, "unsupported transfer coding");
        }
        if (!chunked && contentLength == null) {
            return new byte[0];
        }
        if (!http10 && "100-continue".equalsIgnoreCase(first(headers, "expect"))) {
            sendContinue.run();
        }
        return chunked ? readChunked() : readFixed(length(contentLength));
    }

    private static long length(String contentLength) throws BadHttpRequestException {
        try {
            long length = Long.parseLong(contentLength.trim());
            if (length < 0) {
                throw new BadHttpRequestException(400, "negative Content-Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new BadHttpRequestException(400, "malformed Content-Length");
        }
    }

    private byte[] readFixed(long length) throws IOException, BadHttpRequestException {
        if (length > MAX_BODY) {
            throw new BadHttpRequestException(413, "body larger than " + MAX_BODY + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new BadHttpRequestException(400, "connection closed inside the body");
        }
        return body;
    }

    private byte[] readChunked() throws IOException, BadHttpRequestException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new BadHttpRequestException(400, "connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new BadHttpRequestException(400, "malformed chunk size");
            }
            if (size == 0) {
                readHeaders(); // trailer section, ignored
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new BadHttpRequestException(413, "body larger than " + MAX_BODY + " bytes");
            }
            body.write(readFixed(size));
            if (!"".equals(readLine())) {
                throw new BadHttpRequestException(400, "chunk not followed by CRLF");
            }
        }
    }

    private static boolean keepAlive(Map<String, List<String>> headers, boolean http10) {
        String connection = first(headers, "connection");
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        return http10 ? value.contains("keep-alive") : !value.contains("close");
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** One line without its CRLF (or bare LF), as ISO-8859-1; null when the stream ends first. */
    private String readLine() throws IOException, BadHttpRequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new BadHttpRequestException(431, "line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return null;
    }
}
