package io.github.camelvelaro.sandbox;

import java.time.Instant;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.limits.LimitSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One sandbox on a frozen clock for the test classes that extend this (the extension starts it for each class and
 * stops it after), emptied before each test: a clean site at {@link #T0}, a read-write key, and a plain HTTP client.
 */
abstract class FrozenSiteTest {

    /** A Tuesday, 10:00 UTC: the day rolls over in 14 hours. */
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @RegisterExtension
    static final VelaroSandboxExtension sandbox = new VelaroSandboxExtension(
            SandboxSettings.defaults().withClock(SandboxClock.frozenAt(T0)));

    ApiCalls api;
    String key;

    @BeforeEach
    void emptySite() {
        sandbox.reset();
        sandbox.clock().set(T0);
        // the frozen minute never ends: room for every request a test makes, unless it sets its own limits
        sandbox.limits().setSettings(LimitSettings.GUIDE_DEFAULTS.withPerMinute(1000));
        api = new ApiCalls(sandbox.baseUrl());
        key = sandbox.createReadWriteKey();
    }
}
