package io.github.camelvelaro.sandbox.store;

import java.util.Random;

/**
 * Resource ids such as {@code conv_7Hq2…}: a prefix and random letters and digits, so that ordering by id (the
 * tie-break of list ordering) does not secretly follow creation order. Seeded for repeatable runs.
 */
public final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 16;

    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    /** A new id with this prefix, e.g. {@code conv_}. */
    public synchronized String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
