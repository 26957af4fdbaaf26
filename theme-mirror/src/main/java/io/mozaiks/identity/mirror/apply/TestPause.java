package io.mozaiks.identity.mirror.apply;

import java.util.Map;

/**
 * TEST-ONLY hook: when {@value #VARIABLE} is set to a number of milliseconds, apply sleeps after writing
 * each temp file and before renaming it, so the end-to-end tests can kill the process inside that window.
 * Harmless in production (it only delays), documented in docs/theme-mirror.md as test-only.
 */
public final class TestPause {
    public static final String VARIABLE = "MOZAIKS_MIRROR_TEST_PAUSE_BEFORE_RENAME_MS";

    private final long millis;

    private TestPause(long millis) {
        this.millis = millis;
    }

    public static TestPause from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return new TestPause(0);
        }
        try {
            return new TestPause(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return new TestPause(0);
        }
    }

    public void beforeRename() {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
