package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadClaimNamesTest {

    @Test
    void theListHoldsOwnedStrippedAndTheOtherReadNamesInLowerCase() {
        assertThat(ReadClaimNames.ALL).containsAll(Contract.OWNED_CLAIMS).containsAll(Contract.STRIPPED_CLAIMS)
                .contains("sub", "azp", "appid", "client_id", "iss", "aud", "typ", "email", "preferred_username", "name",
                        "given_name", "family_name", "mozaiks_capability_id", "capability_id", "plan", "subscription",
                        "entitlements", "billing", "acr", "amr", "tid", "scp", "scope", "roles");
        assertThat(ReadClaimNames.ALL).allSatisfy(name -> assertThat(ReadClaimNames.fold(name)).isEqualTo(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Roles", "ROLES", "AMR", "Acr", "SCP", "Scope", "TID", "SUB", "Azp", "Email", "Client_ID",
            "Mozaiks_Token_Use", "Is_SuperAdmin", "Realm_Access", "Billing",
            "\u017Fcp", // long s: .NET's invariant upper case makes it S
            "t\u0131d", // dotless i: upper case I
            "\u212Amr"}) // not a read name: Kelvin sign + "mr" folds to "kmr"
    void caseVariantsAreThoseThatFoldToAReadNameButAreNotIt(String name) {
        boolean expected = !name.startsWith("\u212A");
        assertThat(ReadClaimNames.isCaseVariant(name)).as(name).isEqualTo(expected);
    }

    @Test
    void theExactNamesAndUnrelatedNamesAreNotVariants() {
        assertThat(ReadClaimNames.ALL).noneMatch(ReadClaimNames::isCaseVariant);
        assertThat(ReadClaimNames.isCaseVariant("roles ")).isFalse();
        assertThat(ReadClaimNames.isCaseVariant("email_verified")).isFalse();
        assertThat(ReadClaimNames.isCaseVariant("clientHost")).isFalse();
        assertThat(ReadClaimNames.isCaseVariant(null)).isFalse();
    }

    @Test
    void theFoldIsAtLeastAsLenientAsDotNetAndJava() {
        // Java's equalsIgnoreCase maps the Kelvin sign to k; .NET does not: folding more only removes more.
        assertThat(ReadClaimNames.fold("\u212A")).isEqualTo("k");
        assertThat(ReadClaimNames.fold("\u0130D")).isEqualTo("id"); // capital I with dot
        assertThat(ReadClaimNames.readNameOf("\u017Fcp")).contains("scp");
        assertThat(ReadClaimNames.readNameOf("nothing")).isEmpty();
    }
}
