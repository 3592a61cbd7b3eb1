package org.fieldsupport.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The RSA key pair that signs the platform's bearer tokens, kept as PEM files. The services only ever see the
 * public key; whoever holds the private key (the launcher, the tests, in production the identity provider) issues
 * tokens.
 */
public final class JwtKeys {

    public static final String ISSUER = "https://field-support.local/issuer";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private JwtKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from {@code dir}, creating it there on the first call. */
    public static JwtKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve("jwt-private.pem");
        Path publicFile = dir.resolve("jwt-public.pem");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                restrictToOwner(privateFile);
            }
            return new JwtKeys(readPrivateKey(privateFile), publicFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the token signing keys in " + dir, e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed bearer token for {@code subject} with the given roles (the {@code groups} claim). */
    public String issue(String subject, List<String> roles, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(validity).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decodePem(Files.readString(file));
        return KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decodePem(Files.readString(file));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static byte[] decodePem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
    }
}
