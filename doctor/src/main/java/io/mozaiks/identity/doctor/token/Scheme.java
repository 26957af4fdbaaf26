package io.mozaiks.identity.doctor.token;

/** One way a consumer authenticates a request; each is checked with that consumer's own rules (consumer-rules). */
public enum Scheme {
    CORE_USER("mozaiks-core runtime, user endpoint", TokenKind.USER),
    CORE_SUCCESSOR_USER("mozaiks-core runtime successor (scopes from scp only), user endpoint", TokenKind.USER),
    CORE_INTERNAL("mozaiks-core runtime, internal endpoint (internal_service role)", TokenKind.SERVICE),
    PLUGIN_HOST("mozaiks-core plugin-host", TokenKind.USER),
    PLATFORM_BEARER("mozaiks-platform Bearer", TokenKind.USER),
    PLATFORM_INTERNAL_BEARER("mozaiks-platform InternalBearer", TokenKind.SERVICE);

    private final String title;
    private final TokenKind meantFor;

    Scheme(String title, TokenKind meantFor) {
        this.title = title;
        this.meantFor = meantFor;
    }

    public String title() {
        return title;
    }

    /** The kind of token this scheme is for: a rejection of the other kind is expected, not a finding. */
    public TokenKind meantFor() {
        return meantFor;
    }
}
