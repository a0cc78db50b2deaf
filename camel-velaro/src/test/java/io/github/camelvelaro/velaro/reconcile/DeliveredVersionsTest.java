package io.github.camelvelaro.velaro.reconcile;

import java.time.Instant;
import java.util.Map;

import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a reconcile group's memory: what counts as received, what is kept apart, and failing safe. */
class DeliveredVersionsTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:01Z");
    private static final Instant T2 = Instant.parse("2026-11-27T10:00:02Z");
    private static final Instant T3 = Instant.parse("2026-11-27T10:00:03Z");

    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final DeliveredVersions crm = DeliveredVersions.of(repository, "default", "crm");

    private static ItemVersion conversation(String id, Instant updatedAt) {
        return new ItemVersion(VelaroResource.CONVERSATIONS, id, updatedAt);
    }

    @Test
    void aRecordedVersionAndOlderOnesAreReceivedANewerOneIsNot() {
        assertThat(crm.isDelivered(conversation("c1", T2))).isFalse();

        crm.record(conversation("c1", T2));

        assertThat(crm.isDelivered(conversation("c1", T1))).isTrue();
        assertThat(crm.isDelivered(conversation("c1", T2))).isTrue();
        assertThat(crm.isDelivered(conversation("c1", T3))).isFalse();
        assertThat(crm.isDelivered(conversation("c2", T1))).isFalse();
    }

    @Test
    void recordingAnOlderVersionNeverMovesTheMemoryBack() {
        crm.record(conversation("c1", T3));
        crm.record(conversation("c1", T1));

        assertThat(repository.getState("velaro:default:conversations:version:crm:c1")).isEqualTo(T3.toString());
        assertThat(crm.isDelivered(conversation("c1", T2))).isTrue();
    }

    @Test
    void groupsSitesAndResourcesAreKeptApart() {
        crm.record(conversation("c1", T2));

        assertThat(DeliveredVersions.of(repository, "default", "analytics").isDelivered(conversation("c1", T1))).isFalse();
        assertThat(DeliveredVersions.of(repository, "acme", "crm").isDelivered(conversation("c1", T1))).isFalse();
        assertThat(crm.isDelivered(new ItemVersion(VelaroResource.CONTACTS, "c1", T1))).isFalse();
        // another instance over the same repository is the same group: the webhook and the poller meet there
        assertThat(DeliveredVersions.of(repository, "default", "crm").isDelivered(conversation("c1", T1))).isTrue();
    }

    @Test
    void withoutAGroupNothingIsSkippedOrRemembered() {
        DeliveredVersions.NONE.record(conversation("c1", T1));

        assertThat(DeliveredVersions.NONE.isDelivered(conversation("c1", T1))).isFalse();
        assertThat(DeliveredVersions.NONE.isEnabled()).isFalse();
        assertThat(crm.isDelivered(null)).isFalse();
    }

    @Test
    void aFailingRepositoryCostsADuplicateNeverASkip() {
        StateRepository<String, String> broken = new Broken();
        DeliveredVersions group = DeliveredVersions.of(broken, "default", "crm");

        try (LogCapture log = LogCapture.all()) {
            group.record(conversation("c1", T1));
            assertThat(group.isDelivered(conversation("c1", T1))).isFalse();
            assertThat(log.lines()).filteredOn(l -> l.startsWith(DeliveredVersions.class.getName()))
                    .hasSize(2).allMatch(l -> l.contains("reconcileRepository of group crm"));
        }
    }

    @Test
    void aValueThatIsNotAnInstantIsIgnored() {
        repository.setState("velaro:default:conversations:version:crm:c1", "garbage");

        assertThat(crm.isDelivered(conversation("c1", T1))).isFalse();
        crm.record(conversation("c1", T1));
        assertThat(crm.isDelivered(conversation("c1", T1))).isTrue();
    }

    @Test
    void theVersionOfAPolledItemOrOfAnEventsData() {
        Conversation c = new Conversation();
        c.setId("c1");
        c.setUpdatedAt(T1);
        Contact k = new Contact();
        k.setId("k1");
        k.setUpdatedAt(T2);
        VelaroEvent event = new VelaroEvent();
        event.setData(c);

        assertThat(ItemVersion.of(c)).isEqualTo(conversation("c1", T1));
        assertThat(ItemVersion.of(event)).isEqualTo(conversation("c1", T1));
        assertThat(ItemVersion.of(k)).isEqualTo(new ItemVersion(VelaroResource.CONTACTS, "k1", T2));
        event.setData(Map.of("agent", "Sam"));
        assertThat(ItemVersion.of(event)).isNull();
        c.setUpdatedAt(null);
        assertThat(ItemVersion.of(c)).isNull();
        assertThat(ItemVersion.of(null)).isNull();
    }

    private static final class Broken extends ServiceSupport implements StateRepository<String, String> {
        @Override
        public void setState(String key, String value) {
            throw new IllegalStateException("database down");
        }

        @Override
        public String getState(String key) {
            throw new IllegalStateException("database down");
        }
    }
}
