package io.github.camelvelaro.velaro.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking of credentials for messages, logs and {@code toString()}. Every text the component builds from
 * configuration or from a Velaro response passes through here before it can reach a log or an exception.
 */
public final class Secrets {

    /** What stands in for a secret that must not be shown at all. */
    public static final String HIDDEN = "******";

    // not an already masked key (vlk_…abcd): redacting twice must change nothing
    private static final Pattern API_KEY_LIKE = Pattern.compile("vlk_(?!…)[^\\s\"'&,;]+");
    private static final Pattern WEBHOOK_SECRET_LIKE = Pattern.compile("whsec_[^\\s\"'&,;]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

    private Secrets() {
    }

    /**
     * An API key as it may be shown: {@code vlk_…abcd} (the last four characters only when the value is long enough
     * for them not to give it away), or {@code vlk_…} / {@code ******} otherwise.
     */
    public static String maskApiKey(String key) {
        if (key == null) {
            return "null";
        }
        String prefix = key.startsWith(ApiKey.PREFIX) ? ApiKey.PREFIX : "";
        if (key.length() >= 20) {
            return prefix + "…" + key.substring(key.length() - 4);
        }
        return prefix.isEmpty() ? HIDDEN : prefix + "…";
    }

    /**
     * The same failure with {@link #redact(String)} applied to the message of every cause in its chain (and of
     * suppressed ones): a cause whose message held a secret is replaced by a copy without it, one without is kept.
     */
    public static Throwable redactChain(Throwable failure) {
        return SecretScrubber.GENERIC.scrub(failure);
    }

    /**
     * Replaces anything that looks like a Velaro key, a webhook secret or a bearer token in free text (such as an
     * error body Velaro sent back) by its masked form. Redacting a redacted text changes nothing. The secrets of one
     * request (a trigger URL's token) are removed by its {@code SecretScrubber}, which ends with this.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(API_KEY_LIKE, text, m -> maskApiKey(m.group()));
        out = replace(WEBHOOK_SECRET_LIKE, out, m -> "whsec_" + HIDDEN);
        out = replace(BEARER, out, m -> m.group(1) + HIDDEN);
        return out;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
