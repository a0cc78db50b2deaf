package io.github.camelvelaro.velaro.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.client.ApiKey;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A cursor belongs to one Velaro site: two sites on one {@code baseUrl} and one offset repository never share one, a
 * rotated key of a declared site keeps its cursor, and two pollers of one CamelContext cannot write one cursor.
 */
class PollingSitesTest extends PollingTestSupport {

    /** The key of another Velaro site (or a rotated key of the same one, depending on the test). */
    static final String OTHER_KEY = "vlk_" + "b".repeat(44) + "W7x2";
    static final String OTHER_MASKED = ApiKey.of(OTHER_KEY, "apiKey").masked();
    static final String MASKED = VelaroTestSupport.MASKED_KEY;

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";
    private static final String T5 = "2026-11-27T10:00:05Z";
    private static final String T6 = "2026-11-27T10:00:06Z";

    @TempDir
    Path dir;

    private static String poller(String key, String options) {
        return "velaro:conversations?apiKey=RAW(" + key + ")&baseUrl=" + baseUrl() + "&initialDelay=0"
               + "&startFrom=beginning&offsetRepository=#fileState&" + options;
    }

    private static RouteBuilder route(String routeId, String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        };
    }

    /** Another application start: its own context, component and FileStateRepository on the same file. */
    private CamelContext restart(Path stateFile, ManualScheduler... schedulers) throws Exception {
        CamelContext next = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.setClock(clock);
        next.addComponent("velaro", velaro);
        next.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        for (int i = 0; i < schedulers.length; i++) {
            next.getRegistry().bind("polls" + i, schedulers[i]);
        }
        next.start();
        return next;
    }

    private static List<String> deliveredIn(CamelContext context, String routeId) {
        return delivered(context.getEndpoint("mock:" + routeId, MockEndpoint.class));
    }

    @Test
    void twoSitesOnOneBaseUrlAndOneFileNeverOverwriteEachOthersOffset() throws Exception {
        Path stateFile = dir.resolve("offsets.dat");
        FEED.site(KEY).putConversation("a1", T1).putConversation("a2", T5);
        FEED.site(OTHER_KEY).putConversation("b1", T2);
        ManualScheduler acme = new ManualScheduler();
        ManualScheduler globex = new ManualScheduler();
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls0", acme);
        context.getRegistry().bind("polls1", globex);
        context.addRoutes(route("acme", poller(KEY, "siteId=acme&scheduler=#polls0")));
        context.addRoutes(route("globex", poller(OTHER_KEY, "siteId=globex&scheduler=#polls1")));
        globex.run(1);
        acme.run(1);
        context.stop();

        // while the platform is down, globex changes something at T3: before acme's last offset (T5), after its own
        FEED.site(OTHER_KEY).putConversation("b2", T3);
        FEED.site(KEY).putConversation("a3", T6);
        ManualScheduler acmeAgain = new ManualScheduler();
        ManualScheduler globexAgain = new ManualScheduler();
        CamelContext next = restart(stateFile, acmeAgain, globexAgain);
        try {
            next.addRoutes(route("acme", poller(KEY, "siteId=acme&scheduler=#polls0")));
            next.addRoutes(route("globex", poller(OTHER_KEY, "siteId=globex&scheduler=#polls1")));
            acmeAgain.run(1);
            globexAgain.run(1);

            assertThat(deliveredIn(next, "acme")).containsExactly("a3@" + T6);
            assertThat(deliveredIn(next, "globex")).containsExactly("b2@" + T3);
        } finally {
            next.stop();
        }
        String file = Files.readString(stateFile);
        assertThat(file).contains("velaro:acme:conversations=").contains("velaro:globex:conversations=")
                .doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }

    @Test
    void anotherKeyWithoutSiteIdIsRefusedNamingTheOffsetBothMaskedKeysAndTheFix() throws Exception {
        Path stateFile = dir.resolve("offsets.dat");
        FEED.site(KEY).putConversation("a1", T1).putConversation("a2", T5);
        FEED.site(OTHER_KEY).putConversation("b1", T2).putConversation("b2", T3);
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls0", polls);
        context.addRoutes(route("first", poller(KEY, "scheduler=#polls0")));
        polls.run(1);
        context.stop();
        String before = Files.readString(stateFile);

        ManualScheduler other = new ManualScheduler();
        CamelContext next = restart(stateFile, other);
        try (LogCapture logs = LogCapture.all()) {
            Throwable refused = catchThrowable(() -> next.addRoutes(route("second", poller(OTHER_KEY, "scheduler=#polls0"))));

            assertThat(refused).isNotNull();
            assertThat(messages(refused)).contains("velaro:default:conversations").contains(MASKED)
                    .contains(OTHER_MASKED).contains("set siteId=default to keep this offset")
                    .contains("give each site its own siteId").doesNotContain(KEY).doesNotContain(OTHER_KEY);
            assertThat(deliveredIn(next, "second")).isEmpty();
            assertThat(logs.text()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
        } finally {
            next.stop();
        }
        assertThat(Files.readString(stateFile)).as("the other site's offset is untouched").isEqualTo(before);
    }

    @Test
    void aRotatedKeyResumesFromItsSitesOffset() throws Exception {
        Path stateFile = dir.resolve("offsets.dat");
        // both keys are of one site: they see the same conversations
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T2);
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls0", polls);
        context.addRoutes(route("r", poller(KEY, "siteId=default&scheduler=#polls0")));
        polls.run(1);
        assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1, "c2@" + T2);
        context.stop();

        FEED.putConversation("c3", T3);
        ManualScheduler rotated = new ManualScheduler();
        try (LogCapture logs = LogCapture.all()) {
            CamelContext next = restart(stateFile, rotated);
            try {
                next.addRoutes(route("r", poller(OTHER_KEY, "siteId=default&scheduler=#polls0")));
                rotated.run(2);
                assertThat(deliveredIn(next, "r")).containsExactly("c3@" + T3);
            } finally {
                next.stop();
            }
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("a rotated key").contains(MASKED)
                    .contains(OTHER_MASKED));
            assertThat(logs.text()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
        }
        List<String> lines = Files.readAllLines(stateFile);
        StoredCursor last = StoredCursor.decode(lines.get(lines.size() - 1).substring((CONVERSATIONS_OFFSET + "=").length()));
        assertThat(last.owner()).as("the new key owns the offset now").isEqualTo(CursorOwner.of(ApiKey.of(OTHER_KEY, "k")));
        assertThat(String.join("\n", lines)).doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }

    @Test
    void anEmptyStoredOffsetAsACrashLeavesItIsRefusedNotTakenAsNoOffset() throws Exception {
        Path stateFile = dir.resolve("offsets.dat");
        // what FileStateRepository's file holds after a kill between its writes of "key=" and the value
        Files.writeString(stateFile, "velaro:default:conversations=\n");
        FEED.putConversation("c1", T1);
        ManualScheduler polls = new ManualScheduler();
        CamelContext next = restart(stateFile, polls);
        try {
            Throwable refused = catchThrowable(() -> next.addRoutes(route("r", poller(KEY, "scheduler=#polls0"))));

            assertThat(refused).isNotNull();
            assertThat(messages(refused)).contains("velaro:default:conversations").contains("is empty")
                    .contains("AtomicFileStateRepository");
            assertThat(deliveredIn(next, "r")).as("not started over from startFrom").isEmpty();
        } finally {
            next.stop();
        }
    }

    @Test
    void anAtomicFileStateRepositoryKeepsTheOffsetAcrossARestart() throws Exception {
        Path stateFile = dir.resolve("atomic.dat");
        FEED.putConversation("c1", T1);
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("fileState", AtomicFileStateRepository.atomicFileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls0", polls);
        context.addRoutes(route("r", poller(KEY, "scheduler=#polls0")));
        polls.run(1);
        context.stop();

        FEED.putConversation("c2", T2);
        CamelContext next = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.setClock(clock);
        next.addComponent("velaro", velaro);
        next.getRegistry().bind("fileState", new AtomicFileStateRepository(stateFile.toFile()));
        ManualScheduler again = new ManualScheduler();
        next.getRegistry().bind("polls0", again);
        next.start();
        try {
            next.addRoutes(route("r", poller(KEY, "scheduler=#polls0")));
            again.run(1);
            assertThat(deliveredIn(next, "r")).containsExactly("c2@" + T2);
        } finally {
            next.stop();
        }
    }

    @Test
    void twoPollersOfOneContextOnOneOffsetAreRefusedNamingBothRoutes() throws Exception {
        context.getRegistry().bind("fileState", new MemoryStateRepository());
        FEED.putConversation("c1", T1);
        context.addRoutes(route("first", poller(KEY, "delay=60000")));

        Throwable refused = catchThrowable(() -> context.addRoutes(route("second", poller(KEY, "delay=60000&pageSize=10"))));

        assertThat(refused).isNotNull();
        assertThat(messages(refused)).contains("'first'").contains("'second'").contains("velaro:default:conversations")
                .doesNotContain(KEY);
        // another site, or the same key once the first poller is gone, may use the repository
        context.addRoutes(route("third", poller(OTHER_KEY, "delay=60000&siteId=globex")));
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        context.addRoutes(route("fourth", poller(KEY, "delay=60000")));
        assertThat(context.getRouteController().getRouteStatus("third").isStarted()).isTrue();
        assertThat(context.getRouteController().getRouteStatus("fourth").isStarted()).isTrue();
    }

    @Test
    void aSiteIdThatCannotBeAKeyIsRefusedAtStart() {
        context.getRegistry().bind("fileState", new MemoryStateRepository());
        Throwable refused = catchThrowable(() -> context.addRoutes(route("r", poller(KEY, "siteId=acme=1"))));

        assertThat(messages(refused)).contains("Option siteId").contains("'acme=1'");
    }
}
