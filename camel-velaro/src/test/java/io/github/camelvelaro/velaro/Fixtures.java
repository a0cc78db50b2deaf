package io.github.camelvelaro.velaro;

/** Velaro-shaped JSON for stubs. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String conversationJson(String id, String updatedAt) {
        return """
                {"id":"%s","status":"open","channel":"web","visitorName":"Jane Doe",
                 "visitorEmail":"jane@example.com","contactId":null,"assignedAgent":null,
                 "createdAt":"2026-11-27T10:15:30Z","updatedAt":"%s","resolvedAt":null,
                 "customData":{"orderId":"12345"},"priority":"high"}""".formatted(id, updatedAt);
    }

    public static String contactJson(String id, String email) {
        return """
                {"id":"%s","name":"Jane Doe","email":"%s","phone":"+15551234567","company":"Acme",
                 "customData":{"tier":"gold"},"createdAt":"2026-11-20T08:00:00Z","updatedAt":"2026-11-27T09:00:00+01:00",
                 "loyaltyPoints":42}""".formatted(id, email);
    }

    public static String page(int page, int pageSize, boolean hasMore, String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"page\":" + page + ",\"pageSize\":" + pageSize
               + ",\"totalCount\":" + (items.length + (hasMore ? 100 : 0)) + ",\"hasMore\":" + hasMore + "}";
    }

    public static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }
}
