package io.github.camelvelaro.sandbox.activity;

import java.util.List;
import java.util.Random;

/** Plausible names, messages and agents for generated activity. */
final class SampleData {

    static final List<String> FIRST_NAMES = List.of("Jane", "Omar", "Mei", "Lucas", "Amara", "Noah", "Sofia", "Ravi",
            "Elena", "Kofi", "Hana", "Mateo");
    static final List<String> LAST_NAMES = List.of("Doe", "Haddad", "Chen", "Silva", "Okafor", "Berg", "Rossi",
            "Patel", "Novak", "Mensah", "Sato", "Garcia");
    static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries");
    static final List<String> CHANNELS = List.of("web", "web", "web", "email", "sms", "whatsapp");
    static final List<String> AGENTS = List.of("Alex (agent)", "Sam (agent)", "Robin (agent)", "Support Bot");
    static final List<String> OPENERS = List.of(
            "Hi, I have a question about my order",
            "Where is my package?",
            "Can I change my delivery address?",
            "Do you ship to Canada?",
            "I was charged twice",
            "How do I reset my password?");
    static final List<String> FOLLOW_UPS = List.of("Any update?", "Thanks!", "The order number is 12345",
            "Is anyone there?", "That worked, thank you");

    private SampleData() {
    }

    static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
