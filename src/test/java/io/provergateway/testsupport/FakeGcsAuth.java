package io.provergateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OAuth side of {@link FakeGcsServer}: one service account with a fresh RSA key; the token endpoint implements
 * the JWT-bearer grant (RFC 7523, as Google's {@code oauth2.googleapis.com/token}: an RS256 assertion whose
 * {@code iss} is the account, {@code aud} Google's token URI and {@code scope} a storage scope), and the metadata server
 * hands out tokens to callers sending {@code Metadata-Flavor: Google}. Storage calls must carry an issued token.
 */
public final class FakeGcsAuth {
    public static final String CLIENT_EMAIL = "prover-gateway@test-project.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Google's token endpoint accepts as {@code aud} (google-auth always sends the first). */
    private static final Set<String> AUDIENCES =
            Set.of("https://oauth2.googleapis.com/token", "https://www.googleapis.com/oauth2/v4/token");

    private final KeyPair key;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String tokenUri = "";

    FakeGcsAuth() {
        key = newKey();
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void tokenUri(String uri) {
        this.tokenUri = uri;
    }

    /** A service-account key file of the account, with {@code token_uri} pointing at the fake token endpoint. */
    public Path writeServiceAccountKey(Path file) {
        return writeKey(file, key);
    }

    /** The same account and token endpoint but a private key the endpoint does not know (a revoked key). */
    public Path writeUnknownServiceAccountKey(Path file) {
        return writeKey(file, newKey());
    }

    private Path writeKey(Path file, KeyPair key) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate()
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> json = Map.of("type", "service_account", "project_id", "test-project",
                "private_key_id", "key-1", "private_key", pem, "client_email", CLIENT_EMAIL, "client_id", "1234",
                "token_uri", tokenUri);
        try {
            return Files.writeString(file, JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a token request body (form-encoded); empty when the assertion does not verify. */
    Optional<String> exchange(String form) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))
                || !verifies(fields.getOrDefault("assertion", ""))) {
            return Optional.empty();
        }
        return Optional.of(issue());
    }

    /** A new token, as the metadata server gives one. */
    String issue() {
        String token = "ya29.fake-" + counter.incrementAndGet();
        issued.add(token);
        return token;
    }

    boolean accepts(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring(7));
    }

    int tokensIssued() {
        return counter.get();
    }

    private boolean verifies(String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = System.currentTimeMillis() / 1000;
            return header.path("alg").asText().equals("RS256")
                    && claims.path("iss").asText().equals(CLIENT_EMAIL)
                    && AUDIENCES.contains(claims.path("aud").asText())
                    && claims.path("scope").asText().contains("devstorage.full_control")
                    && claims.path("exp").asLong() > now && claims.path("iat").asLong() <= now + 60;
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
