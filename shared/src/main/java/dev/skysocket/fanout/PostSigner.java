package dev.skysocket.fanout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one kind of request only: {@code POST} of a body to a path, signing the headers
 * {@code content-length}, {@code host}, {@code x-amz-content-sha256}, {@code x-amz-date} and, with session
 * credentials, {@code x-amz-security-token} (the set the SDK's signer signs for such a request). Narrowing it that far is what makes it cheap: the payload hash is computed once
 * per frame by the caller, the derived signing key is kept per (secret, day, region, service), and a call costs
 * one SHA-256 of a ~250-byte canonical request and one HMAC. A test checks the output byte for byte against the
 * SDK's own signer.
 */
final class PostSigner {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The headers one signature covers, as the request must carry them. */
    record Signed(String amzDate, String authorization) {
    }

    /** The derived key for one day; replaced when the day, the secret, region or service changes. */
    private record SigningKey(String secret, String day, byte[] key, String scope) {
    }

    /** X-Amz-Date for one second: formatting a date per call would cost more than the signature's hash. */
    private record Stamp(long second, String amzDate) {
    }

    private final String region;
    private final String service;
    private volatile SigningKey signingKey;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");
    private final ThreadLocal<Hashing> hashing = ThreadLocal.withInitial(Hashing::new);

    PostSigner(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * @param canonicalUri   the path as SigV4 wants it (every segment of the path as sent, URI-encoded again)
     * @param host           the Host header as sent ({@code host} or {@code host:port} for a non-default port)
     * @param contentLength  the body's length
     * @param payloadSha256  the body's SHA-256, lower-case hex ({@link #sha256Hex})
     * @param sessionToken   null for long-term credentials
     */
    Signed sign(Instant now, String accessKeyId, String secretKey, String sessionToken, String canonicalUri,
                String host, int contentLength, String payloadSha256) {
        String amzDate = amzDate(now);
        String day = amzDate.substring(0, 8);
        SigningKey key = signingKey(secretKey, day);
        boolean token = sessionToken != null;
        String signedHeaders = token ? "content-length;host;x-amz-content-sha256;x-amz-date;x-amz-security-token"
                : "content-length;host;x-amz-content-sha256;x-amz-date";
        Hashing h = hashing.get();
        StringBuilder text = h.text;
        text.setLength(0);
        // Canonical request (no query string, so an empty line where it would be).
        text.append("POST\n").append(canonicalUri).append("\n\n")
                .append("content-length:").append(contentLength).append('\n')
                .append("host:").append(host).append('\n')
                .append("x-amz-content-sha256:").append(payloadSha256).append('\n')
                .append("x-amz-date:").append(amzDate).append('\n');
        if (token) {
            text.append("x-amz-security-token:").append(sessionToken.strip()).append('\n');
        }
        text.append('\n').append(signedHeaders).append('\n').append(payloadSha256);
        String canonicalHash = hex(h.sha256(text));
        // String to sign.
        text.setLength(0);
        text.append(ALGORITHM).append('\n').append(amzDate).append('\n').append(key.scope()).append('\n')
                .append(canonicalHash);
        String signature = hex(h.hmac(key.key(), text));
        String authorization = ALGORITHM + " Credential=" + accessKeyId + "/" + key.scope()
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signed(amzDate, authorization);
    }

    private String amzDate(Instant now) {
        long second = now.getEpochSecond();
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, AMZ_DATE.format(Instant.ofEpochSecond(second)));
            stamp = current;
        }
        return current.amzDate();
    }

    private SigningKey signingKey(String secret, String day) {
        SigningKey current = signingKey;
        if (current != null && current.day().equals(day) && current.secret().equals(secret)) {
            return current;
        }
        Hashing h = hashing.get();
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {day, region, service, "aws4_request"}) {
            key = h.hmac(key, part);
        }
        current = new SigningKey(secret, day, key, day + "/" + region + "/" + service + "/aws4_request");
        signingKey = current;
        return current;
    }

    /** SHA-256 of {@code bytes} as lower-case hex: once per frame, shared by every recipient's signature. */
    static String sha256Hex(byte[] bytes) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** One thread's digest, MAC and scratch text, reused call after call. */
    private static final class Hashing {
        private final MessageDigest digest;
        private final Mac mac;
        private final StringBuilder text = new StringBuilder(512);
        private byte[] macKey;

        Hashing() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
                mac = Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256 and HmacSHA256", e);
            }
        }

        byte[] sha256(CharSequence text) {
            return digest.digest(utf8(text));
        }

        byte[] hmac(byte[] key, CharSequence text) {
            try {
                if (key != macKey) {
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    macKey = key;
                }
                return mac.doFinal(utf8(text));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 refused a key", e);
            }
        }

        private static byte[] utf8(CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
