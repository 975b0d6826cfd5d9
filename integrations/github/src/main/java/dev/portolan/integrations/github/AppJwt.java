package dev.portolan.integrations.github;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App authenticates with: RS256-signed with the app's private key,
 * issued by the app id, valid ten minutes at most (GitHub's limit), issued a minute in the past to
 * allow for clock drift. Reads the key as GitHub hands it out (PKCS#1, {@code BEGIN RSA PRIVATE KEY})
 * or as PKCS#8 ({@code BEGIN PRIVATE KEY}).
 */
final class AppJwt {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private AppJwt() {}

    /** A JWT for {@code appId}, valid from a minute before {@code now} for nine minutes after it. */
    static String sign(String appId, PrivateKey key, Instant now) {
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = URL.encodeToString(("{\"iat\":" + (now.getEpochSecond() - 60) + ",\"exp\":" + (now.getEpochSecond() + 540)
                + ",\"iss\":\"" + appId + "\"}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the GitHub App JWT failed", e);
        }
    }

    /** Why {@code pem} is not a usable RSA private key, or null when it is (the key itself is never repeated). */
    static String keyProblem(String pem) {
        try {
            privateKey(pem);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** @throws IllegalArgumentException saying what is wrong, without repeating the key */
    static PrivateKey privateKey(String pem) {
        String text = pem.replace("\\n", "\n").strip();
        boolean pkcs1 = text.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !text.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("must be the app's private key in PEM, starting with -----BEGIN RSA PRIVATE KEY-----");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid PEM: its body is not base64");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs1ToPkcs8(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a readable RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, the key as
     * an OCTET STRING), which is what the JDK reads.
     */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int length) {
        if (length < 0x80) return new byte[]{(byte) length};
        if (length < 0x100) return new byte[]{(byte) 0x81, (byte) length};
        if (length < 0x10000) return new byte[]{(byte) 0x82, (byte) (length >> 8), (byte) length};
        return new byte[]{(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
