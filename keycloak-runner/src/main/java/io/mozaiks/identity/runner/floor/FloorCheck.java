package io.mozaiks.identity.runner.floor;

/** The verdict of {@link SecurityFloor#check}: a status and one sentence for the operator. */
public record FloorCheck(KeycloakVersion version, Status status, String message) {

    public enum Status {
        /** At or above the minimum patched release of its line. */
        PATCHED,
        /** Below the minimum of its line, on a line without a patched release, or older than every known line. */
        BELOW_FLOOR,
        /** Newer than every line the table knows: not judged. */
        UNKNOWN
    }

    public boolean belowFloor() {
        return status == Status.BELOW_FLOOR;
    }
}
