package io.github.camelvelaro.velaro.webhook;

import java.util.function.Function;

/**
 * Decides whether a webhook delivery is authentic. The handler knows only this interface, so another signing scheme
 * can replace {@link StandardWebhooksVerifier} without touching it.
 */
@FunctionalInterface
public interface WebhookVerifier {

    /** Accepts every delivery: for a consumer started without a secret because {@code allowUnsigned=true}. */
    WebhookVerifier UNSIGNED = (headers, body) -> Verification.ACCEPTED;

    /**
     * Checks one delivery. Never throws for a bad delivery: it answers {@link Verification#rejected(String)}.
     *
     * @param headers the request header of a given name, or null (names are case-insensitive)
     * @param body    the raw body, exactly as received
     */
    Verification verify(Function<String, String> headers, byte[] body);

    /**
     * The outcome of a verification; the reason is for the log only (it never goes into the HTTP answer) and never
     * contains a secret or a signature.
     */
    record Verification(boolean accepted, String reason) {

        public static final Verification ACCEPTED = new Verification(true, "accepted");

        public static Verification rejected(String reason) {
            return new Verification(false, reason);
        }
    }
}
