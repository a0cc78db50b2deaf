package io.github.camelvelaro.sandbox.activity;

/**
 * What one tick of the generator did.
 *
 * @param action e.g. {@code conversation.created}, {@code conversation.abandoned}, {@code conversation.message},
 *               {@code contact.updated}
 * @param id     the conversation or contact it changed
 */
public record ActivityStep(String action, String id) {
}
