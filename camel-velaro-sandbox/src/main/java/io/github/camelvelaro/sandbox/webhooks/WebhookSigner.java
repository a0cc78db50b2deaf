package io.github.camelvelaro.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (webhooks.md): {@code v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))},
 * one per active secret, space-separated.
 * <p>
 * Written with the JDK's HMAC rather than the reference library so the sandbox adds no dependency to users' tests;
 * the tests check every signature with the reference library {@code com.standardwebhooks:standardwebhooks}.
 */
public final class WebhookSigner {

    /** The header names of the specification. */
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} value: one {@code v1,…} per secret (several while a secret is rotated). */
    public static String signatureHeader(List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** One {@code v1,<base64>} signature. */
    public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
