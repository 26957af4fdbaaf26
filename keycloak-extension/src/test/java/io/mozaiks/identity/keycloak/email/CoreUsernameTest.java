package io.mozaiks.identity.keycloak.email;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoreUsernameTest {

    @Test
    void theNameIsWhatCoreSplitsOffAtTheFirstAt() {
        assertThat(CoreUsername.of("alice@corp.example")).contains("alice");
        assertThat(CoreUsername.of("ALICE@evil.example")).contains("ALICE");
        // core: email.split("@", 1)[0]: a quoted local part containing @ is cut at its first @
        assertThat(CoreUsername.of("\"alice@corp\"@evil.example")).contains("\"alice");
        assertThat(CoreUsername.of("\"a b\"@example.com")).contains("\"a b\"");
        assertThat(CoreUsername.of("@example.com")).contains("");
    }

    @Test
    void theAttributeHoldsTheLowerCaseNameAndNothingForNoOrAnEmptyName() {
        assertThat(CoreUsernameAttribute.valueFor("ALICE@evil.example")).isEqualTo("alice");
        assertThat(CoreUsernameAttribute.valueFor("Alice@corp.example")).isEqualTo(CoreUsernameAttribute.valueFor("alice@x"));
        assertThat(CoreUsernameAttribute.valueFor("\"A@b\"@x")).isEqualTo("\"a");
        assertThat(CoreUsernameAttribute.valueFor("@example.com")).isNull();
        assertThat(CoreUsernameAttribute.valueFor("alice")).isNull();
        assertThat(CoreUsernameAttribute.valueFor(null)).isNull();
    }

    @Property
    void equalAttributeValuesMeanTheSameNameForCore(@ForAll @StringLength(min = 1, max = 12) String a,
                                                    @ForAll @StringLength(min = 1, max = 12) String b) {
        String x = a.replace("@", "") + "@x.example";
        String y = b.replace("@", "") + "@y.example";
        if (CoreUsernameAttribute.valueFor(x) != null && CoreUsernameAttribute.valueFor(y) != null) {
            assertThat(CoreUsernameAttribute.valueFor(x).equals(CoreUsernameAttribute.valueFor(y)))
                    .isEqualTo(CoreUsername.sameName(x, y));
        }
    }

    @Test
    void noEmailOrNoAtMeansCoreUsesSub() {
        assertThat(CoreUsername.of(null)).isEmpty();
        assertThat(CoreUsername.of("")).isEmpty();
        assertThat(CoreUsername.of("alice")).isEmpty();
    }

    @Test
    void caseIsIgnoredNothingElseIsFolded() {
        assertThat(CoreUsername.sameName("alice@corp.example", "ALICE@evil.example")).isTrue();
        assertThat(CoreUsername.sameName("Alice@a.example", "aLiCe@b.example")).isTrue();
        // core does not fold plus-addressing or dots, so these are different users there
        assertThat(CoreUsername.sameName("alice+x@corp.example", "alice@corp.example")).isFalse();
        assertThat(CoreUsername.sameName("a.lice@corp.example", "alice@corp.example")).isFalse();
        assertThat(CoreUsername.sameName("\"alice@corp\"@evil.example", "alice@corp.example")).isFalse();
        assertThat(CoreUsername.sameName("\"alice@x\"@a.example", "\"ALICE@y\"@b.example")).isTrue();
        assertThat(CoreUsername.sameName(null, "alice@corp.example")).isFalse();
        assertThat(CoreUsername.sameName("alice", "alice")).isFalse();
    }

    @Test
    void unicodeCaseFollowsWhatKeycloakStores() {
        assertThat(CoreUsername.sameName("ÄLICE@a.example", "älice@b.example")).isTrue();
        assertThat(CoreUsername.sameName("ΣΟΦΙΑ@a.example", "σοφια@b.example")).isTrue();
        // KELVIN SIGN lower-cases to k: Keycloak would store both as "kim"
        assertThat(CoreUsername.sameName("\u212Aim@a.example", "kim@b.example")).isTrue();
        // different after lower-casing = different strings in the token = different names in core
        assertThat(CoreUsername.sameName("straße@a.example", "STRASSE@b.example")).isFalse();
    }

    @Test
    void aNameWithWhitespaceUsesTheEmailSearchElseThePrefixSearch() {
        assertThat(CollisionLookup.searchParameters("alice"))
                .isEqualTo(Map.of("keycloak.session.realm.users.query.search", "alice@*"));
        assertThat(CollisionLookup.searchParameters("\"a b\""))
                .isEqualTo(Map.of("email", "\"a b\"@", "keycloak.session.realm.users.query.exact", "false"));
    }

    @Property
    void anEmailAndWhatKeycloakStoresForItShareTheName(@ForAll @StringLength(max = 20) String local) {
        String email = local.replace("@", "") + "@Corp.example";
        String stored = email.toLowerCase(Locale.ROOT).replace("@corp.example", "@other.example");
        assertThat(CoreUsername.sameName(email, stored)).isTrue();
    }

    @Property
    void sameNameIsSymmetric(@ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b) {
        assertThat(CoreUsername.sameName(a + "@x", b + "@y")).isEqualTo(CoreUsername.sameName(b + "@y", a + "@x"));
    }

    @Property
    void aDifferentPlusTagIsNeverTheSameName(@ForAll @StringLength(min = 1, max = 12) String tag) {
        String clean = tag.replace("@", "");
        if (!clean.isEmpty()) {
            assertThat(CoreUsername.sameName("alice+" + clean + "@a.example", "alice@a.example")).isFalse();
        }
    }
}
