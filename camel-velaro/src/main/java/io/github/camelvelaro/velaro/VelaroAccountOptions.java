package io.github.camelvelaro.velaro;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelvelaro.velaro.client.Endpoints;
import io.github.camelvelaro.velaro.client.Secrets;
import io.github.camelvelaro.velaro.client.VelaroScope;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Velaro account an endpoint talks to, with which key and under which limits: the options declared once here,
 * set on the component for all its endpoints ({@code camel.component.velaro.apiKey}) and on an endpoint's URI for
 * that endpoint alone. An endpoint starts from a copy of the component's.
 */
@UriParams
public class VelaroAccountOptions implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.velaro.com/v1";
    /** The site a poller's offset is kept under when {@code siteId} is not set. */
    public static final String DEFAULT_SITE_ID = "default";
    /** What a siteId (and a reconcileGroup) may be: they become parts of repository keys. */
    static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Logger LOG = LoggerFactory.getLogger(VelaroAccountOptions.class);

    /** The Velaro API key (52 characters starting with vlk_), sent only as an Authorization: Bearer header. */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /** The Camel property that holds the key (a vault-backed one too), read again when Velaro answers 401 or on reloadApiKeys, so a rotated key is taken without restarting routes. */
    @UriParam(label = "security")
    private String apiKeyProperty;

    /** Comma-separated scopes the key holds; when set, an endpoint whose operation needs an unlisted scope refuses to start. */
    @UriParam(label = "security")
    private String scopes;

    /** The base URL of the Velaro REST API; must be https except for loopback hosts. */
    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;

    /** Requests per key in any 60-second window, never exceeded by this component. */
    @UriParam(label = "advanced", defaultValue = "60")
    private int rateLimitPerMinute = 60;

    /** Requests per UTC day for all keys of this component; when spent, calls fail fast and polling pauses until the day rolls over. */
    @UriParam(label = "advanced", defaultValue = "1000")
    private int dailyRequestLimit = 1000;

    /** A stable name of the Velaro site (account) the key belongs to; pollers keep their offset under it, so a rotated key keeps its offset and different sites never share one. */
    @UriParam(label = "consumer")
    private String siteId;

    /** A copy that an endpoint's URI can change without changing the component's options. */
    public VelaroAccountOptions copy() {
        try {
            // every field is immutable, so a shallow copy is a whole one
            return (VelaroAccountOptions) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiKeyProperty() {
        return apiKeyProperty;
    }

    public void setApiKeyProperty(String apiKeyProperty) {
        this.apiKeyProperty = apiKeyProperty;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public int getDailyRequestLimit() {
        return dailyRequestLimit;
    }

    public void setDailyRequestLimit(int dailyRequestLimit) {
        this.dailyRequestLimit = dailyRequestLimit;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    // --- validation, used at endpoint start; messages name the option and never echo a secret ---

    /** The validated base URL. */
    public URI baseUri() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Option baseUrl must not be empty (default " + DEFAULT_BASE_URL + ")");
        }
        URI uri = Endpoints.parseHttpUri(baseUrl.trim(), "baseUrl", true);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Option baseUrl must not have a query or fragment (" + baseUrl
                                               + "); keys never go into URLs");
        }
        return uri;
    }

    /** The scopes listed in {@code scopes}, or null when the option is not set (then nothing is checked). */
    public Set<VelaroScope> declaredScopes() {
        if (scopes == null || scopes.isBlank()) {
            return null;
        }
        Set<VelaroScope> result = EnumSet.noneOf(VelaroScope.class);
        for (String s : scopes.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            VelaroScope.fromValue(s).ifPresentOrElse(result::add,
                    () -> LOG.warn("Option scopes lists '{}', which is not a Velaro scope this component knows", s.trim()));
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * Refuses an operation whose scope the {@code scopes} option does not list.
     *
     * @param what e.g. {@code "velaro:contacts operation update"}
     */
    public void checkScope(VelaroScope needed, String what) {
        Set<VelaroScope> declared = declaredScopes();
        if (needed != null && declared != null && !declared.contains(needed)) {
            throw new IllegalArgumentException(what + " needs the scope " + needed.value()
                                               + ", which option scopes (" + scopes.trim() + ") does not list");
        }
    }

    /** Checks the limits. */
    public void checkRanges() {
        VelaroConfiguration.requireRange("rateLimitPerMinute", rateLimitPerMinute, 1, Integer.MAX_VALUE);
        VelaroConfiguration.requireRange("dailyRequestLimit", dailyRequestLimit, 1, Integer.MAX_VALUE);
    }

    /** Whether {@code siteId} is set, on the endpoint or the component. */
    public boolean isSiteIdSet() {
        return siteId != null && !siteId.isBlank();
    }

    /**
     * The validated {@code siteId}, or {@value #DEFAULT_SITE_ID} when it is not set. It becomes part of the offset key,
     * so it is held to a small alphabet.
     */
    public String siteIdOrDefault() {
        if (!isSiteIdSet()) {
            return DEFAULT_SITE_ID;
        }
        String site = siteId.trim();
        if (!KEY_PART.matcher(site).matches()) {
            throw new IllegalArgumentException("Option siteId must be 1 to 64 letters, digits, '.', '_' or '-', starting "
                                               + "with a letter or digit (it is part of the offset key), was '" + site
                                               + "'");
        }
        return site;
    }

    /** The key masked as vlk_…abcd; nothing else here is secret. */
    @Override
    public String toString() {
        return "baseUrl=" + baseUrl
               + ", apiKey=" + (apiKey == null ? "none" : Secrets.maskApiKey(apiKey))
               + ", apiKeyProperty=" + apiKeyProperty
               + ", scopes=" + scopes
               + ", siteId=" + siteId
               + ", rateLimitPerMinute=" + rateLimitPerMinute
               + ", dailyRequestLimit=" + dailyRequestLimit;
    }
}
