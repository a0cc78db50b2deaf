package io.github.camelvelaro.velaro.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes the secrets of one request from texts and from exceptions, before they reach a message or a log: given
 * literals wherever they appear; given tokens wherever they or a fragment of them appear (a word that shares
 * {@value #FRAGMENT} consecutive characters with a token, case ignored, so that a quoted prefix, a truncated quote or
 * a path ending in the token is caught too); and then whatever {@link Secrets#redact(String)} recognises (keys,
 * webhook secrets, bearer tokens). Immutable.
 */
final class SecretScrubber {

    /** How many consecutive characters of a token make a word a fragment of it (fewer for shorter tokens). */
    static final int FRAGMENT = 8;
    /** Secrets shorter than this are not scrubbed as text: they would match ordinary words. */
    static final int SHORTEST = 4;

    /** Scrubs only what {@link Secrets#redact(String)} recognises. */
    static final SecretScrubber GENERIC = new SecretScrubber(List.of(), List.of());

    private final List<String> literals;
    private final List<Token> tokens;

    /** A token in lower case and the set of its fragments of {@code length} characters. */
    private record Token(String lower, int length, Set<String> fragments) {

        static Token of(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            int length = Math.min(FRAGMENT, lower.length());
            Set<String> fragments = new HashSet<>();
            for (int i = 0; i + length <= lower.length(); i++) {
                fragments.add(lower.substring(i, i + length));
            }
            return new Token(lower, length, fragments);
        }

        boolean isFragmentIn(String word) {
            for (int i = 0; i + length <= word.length(); i++) {
                if (fragments.contains(word.substring(i, i + length))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param literals exact texts to remove (e.g. a whole URL)
     * @param tokens   secret values whose fragments are removed too (e.g. a URL's secret path segment)
     */
    SecretScrubber(List<String> literals, List<String> tokens) {
        List<String> kept = new ArrayList<>();
        for (String literal : literals) {
            if (literal != null && literal.length() >= SHORTEST) {
                kept.add(literal);
            }
        }
        for (String token : tokens) {
            if (token != null && token.length() >= SHORTEST) {
                kept.add(token); // also as a literal: a token may hold characters that end a word
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed()); // the whole URL before its parts
        this.literals = List.copyOf(kept);
        List<Token> parsed = new ArrayList<>();
        for (String token : tokens) {
            if (token != null && token.length() >= SHORTEST) {
                parsed.add(Token.of(token));
            }
        }
        this.tokens = List.copyOf(parsed);
    }

    /** The text without the secrets; null stays null. */
    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, Secrets.HIDDEN);
        }
        if (!tokens.isEmpty()) {
            out = maskFragments(out);
        }
        return Secrets.redact(out);
    }

    private String maskFragments(String text) {
        StringBuilder sb = null;
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            for (Token token : tokens) {
                if (token.isFragmentIn(word)) {
                    if (sb == null) {
                        sb = new StringBuilder(text.length());
                    }
                    sb.append(text, copied, start).append(Secrets.HIDDEN);
                    copied = i;
                    break;
                }
            }
        }
        return sb == null ? text : sb.append(text, copied, text.length()).toString();
    }

    /** Characters that make up a URL token (base64url, hex, percent-encoded, UUID): everything else ends a word. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '~' || c == '%' || c == '+' || c == '=';
    }

    /**
     * The exception itself when no message in its chain (causes and suppressed) holds a secret; otherwise a copy of
     * the chain in which each exception is a {@link RedactedException} with the original class name, the scrubbed
     * message and the original stack trace (links that hold no secret below them are kept as they are).
     */
    Throwable scrub(Throwable failure) {
        return failure == null ? null : copy(failure, new IdentityHashMap<>());
    }

    private Throwable copy(Throwable t, Map<Throwable, Throwable> copies) {
        if (t == null) {
            return null;
        }
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        if (!leaks(t, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            copies.put(t, t);
            return t;
        }
        RedactedException copy = new RedactedException(t.getClass().getName(), scrub(t.getMessage()));
        copies.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            copy.initCause(copy(cause, copies));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, copies));
        }
        return copy;
    }

    /** Whether a message or description in this exception's chain holds a secret. */
    private boolean leaks(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (holdsSecret(t.getMessage()) || holdsSecret(t.toString())) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (leaks(suppressed, seen)) {
                return true;
            }
        }
        return leaks(t.getCause(), seen);
    }

    private boolean holdsSecret(String text) {
        return text != null && !text.equals(scrub(text));
    }
}
