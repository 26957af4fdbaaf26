package io.mozaiks.identity.testkit.consumers;

/** A consumer refused the token: 401 (not authenticated) or 403 (authenticated, not allowed), and why. */
public final class Rejected extends Exception {

    private final int status;

    public Rejected(int status, String reason) {
        super(status + ": " + reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
