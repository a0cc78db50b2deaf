package io.github.camelvelaro.velaro.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The component's version, for the {@code User-Agent} header. */
public final class VelaroVersion {

    private static final String VERSION = load();

    private VelaroVersion() {
    }

    public static String version() {
        return VERSION;
    }

    /** {@code camel-velaro/<version>}. */
    public static String userAgent() {
        return "camel-velaro/" + VERSION;
    }

    private static String load() {
        try (InputStream in = VelaroVersion.class.getResourceAsStream(
                "/io/github/camelvelaro/velaro/velaro-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String fromManifest = VelaroVersion.class.getPackage().getImplementationVersion();
        return fromManifest == null ? "unknown" : fromManifest;
    }
}
