package io.mozaiks.identity.consumers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdinalIgnoreCaseTest {

    @Test
    void asciiCaseIsIgnoredAndLengthCounts() {
        assertThat(OrdinalIgnoreCase.equals("Roles", "roles")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("SCP", "scp")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("scp ", "scp")).isFalse();
        assertThat(OrdinalIgnoreCase.equals("scope", "scp")).isFalse();
        assertThat(OrdinalIgnoreCase.equals(null, "scp")).isFalse();
        assertThat(OrdinalIgnoreCase.equals(null, null)).isTrue();
    }

    @Test
    void longSAndDotlessIUpperCaseToAscii() {
        // U+017F LATIN SMALL LETTER LONG S upper-cases to S; U+0131 LATIN SMALL LETTER DOTLESS I to I.
        assertThat(OrdinalIgnoreCase.equals("\u017Fub", "sub")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("\u017FCP", "scp")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("t\u0131d", "tid")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("SuperAdm\u0131n", "superadmin")).isTrue();
    }

    @Test
    void kelvinSignIsNotK() {
        // U+212A KELVIN SIGN only LOWER-cases to k; Java's equalsIgnoreCase would take it for k.
        assertThat("\u212A".equalsIgnoreCase("k")).isTrue();
        assertThat(OrdinalIgnoreCase.equals("\u212A", "k")).isFalse();
        assertThat(OrdinalIgnoreCase.equals("\u212A", "K")).isFalse();
        // Nor is the dotted capital I U+0130 an i, nor sharp s a double s.
        assertThat(OrdinalIgnoreCase.equals("t\u0130d", "tid")).isFalse();
        assertThat(OrdinalIgnoreCase.equals("\u00DF", "ss")).isFalse();
    }

    @Test
    void containsSearchesEveryOffset() {
        assertThat(OrdinalIgnoreCase.contains("urn:example:MFA:2", "mfa")).isTrue();
        assertThat(OrdinalIgnoreCase.contains("urn:mf", "mfa")).isFalse();
        assertThat(OrdinalIgnoreCase.contains("m\u017Fa", "msa")).isTrue();
        assertThat(OrdinalIgnoreCase.contains("", "mfa")).isFalse();
    }
}
