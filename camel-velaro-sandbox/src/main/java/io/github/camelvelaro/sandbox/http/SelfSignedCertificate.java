package io.github.camelvelaro.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and a self-signed certificate for {@code 127.0.0.1}, {@code ::1} and {@code localhost}, made when it is
 * created (by the JDK's own {@code keytool}, so no dependency), valid for two days: what the sandbox serves HTTPS with.
 * Nothing is kept on disk.
 */
public final class SelfSignedCertificate {

    private static final String ALIAS = "velaro-sandbox";

    private final KeyStore keyStore;
    private final char[] password;
    private final Certificate certificate;

    private SelfSignedCertificate(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = keyStore.getCertificate(ALIAS);
    }

    /** Makes a new one; takes about a second (a keytool process). */
    public static SelfSignedCertificate create() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("velaro-sandbox-tls");
            Path file = dir.resolve("sandbox.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,ip:::1,dns:localhost",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password,
                    "-keypass", password)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the sandbox certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            return new SelfSignedCertificate(store, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The sandbox certificate could not be made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the sandbox certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The key and certificate, for the server. */
    KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and its key. */
    char[] password() {
        return password.clone();
    }

    /** A trust store holding only the certificate, for clients. */
    public KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The sandbox trust store could not be made", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind holds nothing secret for long: the certificate lives two days
        }
    }
}
