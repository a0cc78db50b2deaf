package io.github.camelvelaro.velaro.model;

import java.time.Instant;

/**
 * One message of a transcript.
 * <p>
 * ASSUMPTION: Velaro documents that transcripts carry {@code messages} but not their fields; we expect
 * {@code author}, {@code role}, {@code text} and {@code sentAt}. Anything else Velaro sends is kept in
 * {@link #getAdditionalProperties()}.
 */
public class TranscriptMessage extends VelaroModel {

    private String author;
    private String role;
    private String text;
    @IsoInstant
    private Instant sentAt;

    public TranscriptMessage() {
    }

    public TranscriptMessage(String author, String role, String text, Instant sentAt) {
        this.author = author;
        this.role = role;
        this.text = text;
        this.sentAt = sentAt;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }
}
