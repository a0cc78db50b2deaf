package io.github.camelvelaro.velaro.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelvelaro.velaro.VelaroComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The offset survives the CamelContext through a FileStateRepository, and is re-read whenever polling starts. */
class PollingResumeTest extends PollingTestSupport {

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";
    private static final String T4 = "2026-11-27T10:00:04Z";
    private static final String T5 = "2026-11-27T10:00:05Z";

    @TempDir
    Path dir;

    /** A second "node": its own context, component and FileStateRepository instance on the shared file. */
    private CamelContext otherContext(Path stateFile, ManualScheduler polls) throws Exception {
        CamelContext other = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.setClock(clock);
        other.addComponent("velaro", velaro);
        other.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        other.getRegistry().bind("polls", polls);
        other.start();
        return other;
    }

    private static RouteBuilder pollRoute(String routeId, boolean autoStartup) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=beginning&scheduler=#polls&offsetRepository=#fileState"))
                        .routeId(routeId).autoStartup(autoStartup).to("mock:" + routeId);
            }
        };
    }

    @Test
    void aNewCamelContextResumesFromTheFileWithoutRepeatingAnything() throws Exception {
        Path stateFile = dir.resolve("velaro-offsets.dat");
        ManualScheduler first = new ManualScheduler();
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls", first);
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T2);
        FEED.putConversation("c3", T3);
        context.addRoutes(pollRoute("first", true));
        first.run(1);
        assertThat(delivered(getMockEndpoint("mock:first"))).containsExactly("c1@" + T1, "c2@" + T2, "c3@" + T3);
        context.stop();

        // while nobody polls: two new conversations and an update of one already delivered
        FEED.putConversation("c4", T4);
        FEED.putConversation("c2", T5);
        FEED.putConversation("c5", T5);
        ManualScheduler second = new ManualScheduler();
        CamelContext next = otherContext(stateFile, second);
        try {
            next.addRoutes(pollRoute("second", true));
            second.run(2);
            MockEndpoint mock = next.getEndpoint("mock:second", MockEndpoint.class);
            // startFrom=beginning does not apply: the stored offset does
            assertThat(delivered(mock)).containsExactly("c4@" + T4, "c2@" + T5, "c5@" + T5);
        } finally {
            next.stop();
        }
        assertThat(cursorIn(lastLine(stateFile).substring((CONVERSATIONS_OFFSET + "=").length())))
                .isEqualTo(new PollCursor(java.time.Instant.parse(T5), java.util.Set.of("c2", "c5")));
    }

    @Test
    void aPollerThatStartsAgainReadsWhatAnotherNodeCommittedMeanwhile() throws Exception {
        Path stateFile = dir.resolve("shared-offsets.dat");
        ManualScheduler nodeA = new ManualScheduler();
        ManualScheduler nodeB = new ManualScheduler();
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.getRegistry().bind("polls", nodeA);
        CamelContext other = otherContext(stateFile, nodeB);
        try {
            context.addRoutes(pollRoute("a", true));
            other.addRoutes(pollRoute("b", false));

            // A leads
            FEED.putConversation("c1", T1);
            FEED.putConversation("c2", T2);
            nodeA.run(1);
            context.getRouteController().stopRoute("a");

            // B takes over: its repository is read only now, so it sees A's last commit
            FEED.putConversation("c3", T3);
            other.getRouteController().startRoute("b");
            nodeB.run(1);
            other.getRouteController().stopRoute("b");

            // A leads again: had it kept the state it loaded at first, it would deliver c3 a second time
            FEED.putConversation("c4", T4);
            context.getRouteController().startRoute("a");
            nodeA.run(1);

            assertThat(delivered(getMockEndpoint("mock:a"))).containsExactly("c1@" + T1, "c2@" + T2, "c4@" + T4);
            assertThat(delivered(other.getEndpoint("mock:b", MockEndpoint.class))).containsExactly("c3@" + T3);
        } finally {
            other.stop();
        }
    }

    @Test
    void aRepositorySharedByTwoPollersRunsUntilTheLastOneStops() throws Exception {
        FileStateRepository shared = FileStateRepository.fileStateRepository(dir.resolve("both.dat").toFile());
        ManualScheduler conversations = new ManualScheduler();
        ManualScheduler contacts = new ManualScheduler();
        context.getRegistry().bind("fileState", shared);
        context.getRegistry().bind("conversationPolls", conversations);
        context.getRegistry().bind("contactPolls", contacts);
        FEED.putConversation("c1", T1);
        FEED.putContact("k1", T1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=beginning&scheduler=#conversationPolls"
                                             + "&offsetRepository=#fileState")).routeId("conversations")
                        .to("mock:conversations");
                from(velaro("contacts", "startFrom=beginning&scheduler=#contactPolls&offsetRepository=#fileState"))
                        .routeId("contacts").to("mock:contacts");
            }
        });
        conversations.run(1);
        contacts.run(1);

        context.getRouteController().stopRoute("conversations");
        assertThat(shared.isStarted()).as("still used by the contacts poller").isTrue();
        FEED.putContact("k2", T2);
        contacts.run(1);
        assertThat(delivered(getMockEndpoint("mock:contacts"))).containsExactly("k1@" + T1, "k2@" + T2);
        assertThat(shared.getState(CONVERSATIONS_OFFSET)).contains(T1);

        context.getRouteController().stopRoute("contacts");
        assertThat(shared.isStopped()).isTrue();
    }

    private static String lastLine(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.get(lines.size() - 1);
    }
}
