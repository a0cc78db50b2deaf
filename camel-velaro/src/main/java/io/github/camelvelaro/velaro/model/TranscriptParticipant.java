package io.github.camelvelaro.velaro.model;

/** Someone who took part in a transcribed conversation. */
public class TranscriptParticipant extends VelaroModel {

    private String name;
    private String role;

    public TranscriptParticipant() {
    }

    public TranscriptParticipant(String name, String role) {
        this.name = name;
        this.role = role;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code visitor}, {@code agent} or {@code bot}. */
    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
