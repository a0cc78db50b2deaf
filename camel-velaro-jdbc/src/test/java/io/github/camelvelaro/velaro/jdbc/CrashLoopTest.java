package io.github.camelvelaro.velaro.jdbc;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer application in a crash loop: 50 starts of a CamelContext (in this JVM; each start is a new component,
 * governor and {@link JdbcQuotaStore}, as after a restart), each sending as many requests as it is allowed, then
 * "crashing" (stopping without a goodbye). Velaro's journal counts what reached it: never more than the day's limit,
 * which an in-memory count would have spent 50 times over.
 */
class CrashLoopTest extends OnPostgres {

    private static final int DAILY_LIMIT = 30;
    private static final int RESTARTS = 50;
    private static final int TRIES_PER_RUN = 4;


    @Test
    void fiftyRestartsNeverSpendMoreThanTheDailyLimit() throws Exception {
        try (VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults().withPerMinuteLimit(10_000)
                .withDailyLimit(10_000)).start()) {
            String key = sandbox.createReadWriteKey();
            int refusedLocally = 0;
            for (int run = 0; run < RESTARTS; run++) {
                refusedLocally += runOnce(sandbox.baseUrl(), key);
            }
            long sent = sandbox.journal().entries("GET", "/conversations").size();
            assertThat(sent).as("requests that reached Velaro over 50 runs").isEqualTo(DAILY_LIMIT);
            assertThat(refusedLocally).isEqualTo(RESTARTS * TRIES_PER_RUN - DAILY_LIMIT);
            assertThat(sandbox.journal().entries(e -> e.status() == 429)).isEmpty();
        }
    }

    /** One life of the application; returns how many of its requests were refused before sending. */
    private static int runOnce(String baseUrl, String key) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKey(key);
        velaro.getAccount().setBaseUrl(baseUrl);
        velaro.getAccount().setRateLimitPerMinute(1000);
        velaro.getAccount().setDailyRequestLimit(DAILY_LIMIT);
        velaro.setQuotaStore(new JdbcQuotaStore(postgres.dataSource()));
        context.addComponent("velaro", velaro);
        context.start();
        int refused = 0;
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < TRIES_PER_RUN; i++) {
            try {
                template.requestBody("velaro:conversations?operation=list", (Object) null);
            } catch (CamelExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(VelaroRateLimitException.class)
                        .hasMessageContaining("daily budget");
                refused++;
            }
        }
        context.stop(); // no state is handed over: what the next run knows is in the database
        return refused;
    }
}
