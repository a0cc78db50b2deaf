package io.github.camelvelaro.examples;

import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.model.CreateConversation;

/** A visitor on the sandbox's site, for the tests that play visitor and agent themselves. */
final class Visitors {

    private Visitors() {
    }

    /** A visitor who gave their name and email starts a web chat; returns the conversation id. */
    static String startsConversation(VelaroSandbox sandbox, String name, String email, String message) {
        CreateConversation input = new CreateConversation(message);
        input.setVisitorName(name);
        input.setVisitorEmail(email);
        input.setChannel("web");
        return sandbox.conversations().create(input).getId();
    }
}
