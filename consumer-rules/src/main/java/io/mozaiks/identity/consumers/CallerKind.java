package io.mozaiks.identity.consumers;

/** Who a token speaks for: a signed-in user, or a service (client credentials of a service account). */
public enum CallerKind {
    USER, SERVICE
}
