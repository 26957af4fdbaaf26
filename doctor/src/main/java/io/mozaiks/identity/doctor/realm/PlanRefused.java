package io.mozaiks.identity.doctor.realm;

/** The realm or the request cannot be planned for; nothing was or will be changed. The message says why and what to do. */
public final class PlanRefused extends RuntimeException {

    public PlanRefused(String message) {
        super(message);
    }
}
