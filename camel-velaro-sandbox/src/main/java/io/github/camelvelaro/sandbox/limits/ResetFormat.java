package io.github.camelvelaro.sandbox.limits;

/**
 * How {@code X-RateLimit-Reset} is written. The guide names the header but not its unit, so clients must accept both
 * (openapi.yaml RateLimitReset); the sandbox can send either to prove they do.
 */
public enum ResetFormat {
    /** Unix epoch seconds of the reset, e.g. {@code 1795000060}. */
    EPOCH_SECONDS,
    /** Seconds from now until the reset, e.g. {@code 42}. */
    DELTA_SECONDS
}
