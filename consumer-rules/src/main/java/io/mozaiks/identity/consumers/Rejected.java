package io.mozaiks.identity.consumers;

/** A consumer refused the token: 401 (not authenticated) or 403 (authenticated, not allowed), the rule, and the detail. */
public final class Rejected extends Exception {

    private final int status;
    private final Rule rule;
    private final String detail;

    public Rejected(int status, Rule rule, String detail) {
        super(status + ": " + detail);
        this.status = status;
        this.rule = rule;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public Rule rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }
}
