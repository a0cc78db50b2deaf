package io.github.camelvelaro.velaro.springboot;

import javax.sql.DataSource;

import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.jdbc.JdbcQuotaStore;
import io.github.camelvelaro.velaro.jdbc.JdbcStateRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Cluster mode on the application's database, when camel-velaro-jdbc is on the classpath, there is one
 * {@code DataSource}, and {@code camel.component.velaro.cluster.jdbc.enabled=true}: a {@link JdbcQuotaStore} (the
 * component takes the one {@link QuotaStore} bean, autowired) and a {@link JdbcStateRepository} named
 * {@value #STATE_REPOSITORY} for {@code offsetRepository}. Beans of the application's own win.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(name = "io.github.camelvelaro.velaro.jdbc.JdbcQuotaStore")
@ConditionalOnProperty(prefix = VelaroClusterJdbcProperties.PREFIX, name = "enabled", havingValue = "true")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(VelaroClusterJdbcProperties.class)
public class VelaroClusterJdbcAutoConfiguration {

    public static final String STATE_REPOSITORY = "velaroStateRepository";

    @Bean
    @ConditionalOnMissingBean(QuotaStore.class)
    public JdbcQuotaStore velaroQuotaStore(DataSource dataSource, VelaroClusterJdbcProperties properties) {
        JdbcQuotaStore store = new JdbcQuotaStore(dataSource, properties.getScope());
        store.setCreateSchema(properties.isCreateSchema());
        return store;
    }

    @Bean(STATE_REPOSITORY)
    @ConditionalOnMissingBean(name = STATE_REPOSITORY)
    public JdbcStateRepository velaroStateRepository(DataSource dataSource, VelaroClusterJdbcProperties properties) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.setCreateSchema(properties.isCreateSchema());
        return repository;
    }
}
