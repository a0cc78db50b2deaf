package io.github.camelvelaro.velaro.springboot;

import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.jdbc.JdbcQuotaStore;
import io.github.camelvelaro.velaro.jdbc.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode is wired only when asked and when there is a DataSource; the component then counts in the database.
 * The DataSource is never called here (no schema creation, no request): a stand-in is enough.
 */
class VelaroClusterJdbcAutoConfigurationTest {

    private static final DataSource DATA_SOURCE = (DataSource) Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException("not called in this test");
            });

    private final ApplicationContextRunner withStarter = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    VelaroComponentAutoConfiguration.class, VelaroClusterJdbcAutoConfiguration.class));

    @Test
    void withADataSourceAndTheSwitchTheComponentSharesItsQuotaAndTheCursorRepositoryIsThere() {
        withStarter.withBean(DataSource.class, () -> DATA_SOURCE)
                .withPropertyValues("camel.component.velaro.cluster.jdbc.enabled=true",
                        "camel.component.velaro.cluster.jdbc.scope=acme")
                .run(context -> {
                    assertThat(context).hasSingleBean(JdbcQuotaStore.class);
                    assertThat(context.getBean(JdbcQuotaStore.class).getScope()).isEqualTo("acme");
                    assertThat(context.getBean(VelaroClusterJdbcAutoConfiguration.STATE_REPOSITORY))
                            .isInstanceOf(JdbcStateRepository.class);
                    assertThat(store(context.getBean(CamelContext.class))).isInstanceOf(JdbcQuotaStore.class);
                });
    }

    @Test
    void withoutTheSwitchNothingChanges() {
        withStarter.withBean(DataSource.class, () -> DATA_SOURCE).run(context -> {
            assertThat(context).doesNotHaveBean(JdbcQuotaStore.class);
            assertThat(context).doesNotHaveBean(VelaroClusterJdbcAutoConfiguration.STATE_REPOSITORY);
            assertThat(store(context.getBean(CamelContext.class))).isInstanceOf(InMemoryQuotaStore.class);
        });
    }

    @Test
    void withoutADataSourceTheSwitchAloneDoesNothing() {
        withStarter.withPropertyValues("camel.component.velaro.cluster.jdbc.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JdbcQuotaStore.class);
        });
    }

    @Test
    void theApplicationsOwnQuotaStoreWins() {
        QuotaStore own = new InMemoryQuotaStore();
        withStarter.withBean(DataSource.class, () -> DATA_SOURCE).withBean(QuotaStore.class, () -> own)
                .withPropertyValues("camel.component.velaro.cluster.jdbc.enabled=true")
                .run(context -> assertThat(store(context.getBean(CamelContext.class))).isSameAs(own));
    }

    private static QuotaStore store(CamelContext camel) {
        return camel.getComponent("velaro", VelaroComponent.class).governor().store();
    }
}
