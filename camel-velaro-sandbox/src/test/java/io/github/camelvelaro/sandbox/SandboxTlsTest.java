package io.github.camelvelaro.sandbox;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component over HTTPS: the sandbox serves it with a certificate made at start-up, which no JVM trusts, so only
 * the component's {@code sslContextParameters}, or Camel's global ones with {@code useGlobalSslContextParameters},
 * make the connection.
 */
class SandboxTlsTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension(SandboxSettings.defaults().withTls(true));

    private static SSLContextParameters trustingTheSandbox() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setKeyStore(sandbox.trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }

    private static Exchange getMissingConversation(CamelContext camel) {
        String uri = "velaro:conversations?operation=get&apiKey=RAW(" + sandbox.createReadWriteKey() + ")&baseUrl="
                     + sandbox.baseUrl() + "&maxRetries=0";
        return camel.createProducerTemplate().request(uri,
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "conv_missing"));
    }

    private static Exchange createConversation(CamelContext camel) {
        String uri = "velaro:conversations?apiKey=RAW(" + sandbox.createReadWriteKey() + ")&baseUrl="
                     + sandbox.baseUrl();
        return camel.createProducerTemplate().request(uri, e -> e.getMessage().setBody("{\"message\":\"over TLS\"}"));
    }

    @Test
    void theSandboxServesHttps() {
        assertThat(sandbox.baseUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void aConversationIsCreatedOverTlsWithTheComponentsSslContextParameters() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            velaro.setSslContextParameters(trustingTheSandbox());
            camel.addComponent("velaro", velaro);
            camel.start();

            Exchange created = createConversation(camel);

            assertThat(created.getException()).isNull();
            String id = created.getMessage().getBody(Conversation.class).getId();
            assertThat(sandbox.conversations().get(id)).isPresent();
        }
    }

    @Test
    void camelsGlobalSslContextParametersApplyWhenTheComponentIsToldToUseThem() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.setSSLContextParameters(trustingTheSandbox());
            VelaroComponent velaro = new VelaroComponent();
            velaro.setUseGlobalSslContextParameters(true);
            camel.addComponent("velaro", velaro);
            camel.start();

            assertThat(createConversation(camel).getException()).isNull();
        }
    }

    @Test
    void withoutThemTheUntrustedCertificateIsRefusedAndTheRequestIsNotSent() throws Exception {
        int before = sandbox.journal().entries().size();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.setSSLContextParameters(trustingTheSandbox()); // global ones exist but are not asked for
            camel.start();

            Exchange out = getMissingConversation(camel);

            assertThat(out.getException()).isInstanceOf(VelaroConnectionException.class)
                    .hasMessageStartingWith("GET /conversations/conv_missing got no response from Velaro (SSLHandshakeException");
        }
        assertThat(sandbox.journal().entries()).hasSize(before);
    }
}
