package io.github.camelvelaro.velaro.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.velaro.cluster.jdbc.*} properties: cluster mode on the application's database
 * (camel-velaro-jdbc on the classpath, and one {@code DataSource}).
 */
@ConfigurationProperties(prefix = VelaroClusterJdbcProperties.PREFIX)
public class VelaroClusterJdbcProperties {

    public static final String PREFIX = "camel.component.velaro.cluster.jdbc";

    /**
     * Whether the rate quota and the poll cursors are kept in the application's DataSource, shared by every node: a
     * JdbcQuotaStore for the component and a JdbcStateRepository bean named velaroStateRepository.
     */
    private boolean enabled;

    /**
     * Whether the cluster tables are created when missing; leave false to apply velaro-cluster.sql with the
     * application's migrations.
     */
    private boolean createSchema;

    /**
     * What shares one dailyRequestLimit: the Velaro site; every node of a site uses the same scope.
     */
    private String scope = "default";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isCreateSchema() {
        return createSchema;
    }

    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }
}
