package io.mozaiks.identity.mirror.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and size of some bytes: how plan, apply and check compare files. */
public record ContentHash(String sha256, long size) {

    public static ContentHash of(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new ContentHash(HexFormat.of().formatHex(digest), content.length);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime ships SHA-256", impossible);
        }
    }

    /** First 12 hex digits, enough for a table. */
    public String shortSha() {
        return sha256.substring(0, 12);
    }
}
