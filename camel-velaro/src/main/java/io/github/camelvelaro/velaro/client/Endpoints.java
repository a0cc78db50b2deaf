package io.github.camelvelaro.velaro.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validation of the URLs the component sends to: https only, except loopback hosts for tests and the sandbox. */
public final class Endpoints {

    private Endpoints() {
    }

    /**
     * Parses an absolute http(s) URL and refuses plain http to anything but a loopback host ({@code localhost},
     * {@code 127.0.0.0/8}, {@code [::1]}); host names are not resolved, so a DNS answer cannot downgrade the check.
     *
     * @param  showValue                whether the value may be quoted in the error (false for secret URLs)
     * @throws IllegalArgumentException naming the option
     */
    public static URI parseHttpUri(String value, String option, boolean showValue) {
        String shown = showValue ? " (" + value + ")" : "";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option " + option + " is not a valid URL" + shown
                                               + (showValue ? ": " + e.getReason() : ""));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Option " + option + " must be an absolute https:// URL" + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Option " + option + " must not carry user credentials" + shown);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Option " + option + " must use https (plain http is allowed only for "
                                               + "localhost, 127.0.0.0/8 and [::1])" + shown);
        }
        return uri;
    }

    /** Whether a host, as written, is a loopback host. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":")) {
            try {
                // a literal address: parsing it does not touch DNS
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
