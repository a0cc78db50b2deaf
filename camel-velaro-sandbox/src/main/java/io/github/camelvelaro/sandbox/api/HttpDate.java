package io.github.camelvelaro.sandbox.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.github.camelvelaro.sandbox.http.RawResponse;

/** The {@code Date} header every response carries, from the sandbox clock (pollers read it, not their own clock). */
final class HttpDate {

    private HttpDate() {
    }

    /** @param now the sandbox clock's instant */
    static RawResponse stamp(RawResponse response, Instant now) {
        return response.withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
    }
}
