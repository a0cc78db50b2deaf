package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.util.Locale;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** How a poller spaces its polls: the options of {@code velaro:conversations} and {@code velaro:contacts} for it. */
@UriParams
public class PacingOptions {

    static final String FIXED = "fixed";
    static final String ADAPTIVE = "adaptive";

    /** How polls are spaced: fixed (every delay) or adaptive (often while items change, seldom while they do not, within half of dailyRequestLimit; see docs/polling.md). */
    @UriParam(label = "consumer", defaultValue = FIXED, enums = FIXED + "," + ADAPTIVE)
    private String pacing = FIXED;

    /** With pacing=adaptive, the longest time between two polls as long as the day's budget left can pay for it. */
    @UriParam(label = "consumer", defaultValue = "900000", javaType = "java.time.Duration")
    private long maxStaleness = 900_000;

    public String getPacing() {
        return pacing;
    }

    public void setPacing(String pacing) {
        this.pacing = pacing;
    }

    public long getMaxStaleness() {
        return maxStaleness;
    }

    public void setMaxStaleness(long maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    /** Whether pacing is adaptive; refuses a value that is neither, naming the option. */
    boolean isAdaptive() {
        String value = pacing == null ? FIXED : pacing.trim().toLowerCase(Locale.ROOT);
        if (!value.equals(FIXED) && !value.equals(ADAPTIVE)) {
            throw new IllegalArgumentException("Option pacing must be fixed or adaptive, was '" + pacing + "'");
        }
        if (maxStaleness <= 0) {
            throw new IllegalArgumentException("Option maxStaleness must be positive");
        }
        return value.equals(ADAPTIVE);
    }

    Duration maxStalenessDuration() {
        return Duration.ofMillis(maxStaleness);
    }
}
