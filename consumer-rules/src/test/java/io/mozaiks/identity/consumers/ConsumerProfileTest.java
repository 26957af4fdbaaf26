package io.mozaiks.identity.consumers;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.contractenv.ConsumerId;
import io.mozaiks.identity.contractenv.EnvDocument;
import io.mozaiks.identity.contractenv.WellKnown;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerProfileTest {

    private static final String ISSUER = "https://id.example.test/realms/mozaiks";
    /** Nothing listens on the discard port: a consumer that still looks there fails. */
    private static final String UNREACHABLE = "http://127.0.0.1:9/realms/mozaiks";

    @Test
    void oneProfilePerConsumerAndEverySchemeBelongsToExactlyOne() {
        assertThat(ConsumerProfile.ALL).extracting(ConsumerProfile::name).containsExactly("core", "successor", "platform", "plugin-host");
        // The successor has no document of its own: core's configures it.
        assertThat(ConsumerProfile.ALL).extracting(ConsumerProfile::id)
                .containsExactly(ConsumerId.CORE, ConsumerId.CORE, ConsumerId.PLATFORM, ConsumerId.PLUGIN_HOST);
        assertThat(ConsumerProfile.SUCCESSOR.schemes()).containsExactly(TokenScheme.CORE_SUCCESSOR_USER, TokenScheme.CORE_SUCCESSOR_INTERNAL);
        assertThat(ConsumerProfile.named("successor")).isSameAs(ConsumerProfile.SUCCESSOR);
        assertThat(ConsumerProfile.of(ConsumerId.CORE)).isSameAs(ConsumerProfile.CORE);
        assertThat(ConsumerProfile.ALL.stream().flatMap(p -> p.schemes().stream()))
                .containsExactlyInAnyOrder(TokenScheme.values());
        ConsumerProfile.ALL.forEach(p -> assertThat(p.schemesFor(CallerKind.USER)).as(p.toString()).isNotEmpty());
        assertThat(ConsumerProfile.named("plugin-host")).isSameAs(ConsumerProfile.PLUGIN_HOST);
        assertThatThrownBy(() -> ConsumerProfile.named("CORE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown consumer CORE (core, successor, platform or plugin-host)");
    }

    @Test
    void eachDocumentSetsOnlyWhatItsConsumerReadsNamesTheIssuerAndKeepsAuthOn() {
        for (ConsumerProfile profile : ConsumerProfile.ALL) {
            Map<String, String> document = profile.document(ISSUER);
            java.util.Set<String> set = new java.util.HashSet<>(document.keySet());
            if (profile == ConsumerProfile.SUCCESSOR) {
                // core's document: the successor ignores the lines of core's director, and reads every other one.
                set.removeAll(PythonCoreConsumer.DIRECTOR_REQUIRED);
            }
            assertThat(profile.readNames()).as(profile.toString()).containsAll(set);
            assertThat(profile.issuer(document)).as(profile.toString()).isEqualTo(ISSUER);
            assertThat(profile.keysUrl(document)).as(profile.toString()).startsWith(ISSUER + "/");
            profile.authSwitch().ifPresent(auth -> {
                String value = document.get(auth.variable().name());
                boolean listed = auth.spellings().contains(value.strip().toLowerCase(Locale.ROOT));
                assertThat(listed).as(profile + " " + auth.variable().name() + "=" + value).isEqualTo(auth.spellingsKeepAuthOn());
            });
        }
        assertThat(ConsumerProfile.PLATFORM.authSwitch()).isEmpty();
        assertThat(ConsumerProfile.CORE.issuerNamedBy()).isEqualTo("MOZAIKS_OIDC_DISCOVERY_URL, MOZAIKS_ISSUER or AUTH_ISSUER");
        assertThat(ConsumerProfile.PLUGIN_HOST.issuerNamedBy()).isEqualTo("JWT_ISSUER");
        assertThat(ConsumerProfile.SUCCESSOR.issuerNamedBy()).isEqualTo("MOZAIKS_OIDC_DISCOVERY_URL or AUTH_ISSUER");
    }

    @Test
    void theReadListsAreTheOnesTheEmulationsUse() {
        assertThat(ConsumerProfile.CORE.reads()).isSameAs(CoreVariables.ALL);
        assertThat(ConsumerProfile.PLATFORM.reads()).isSameAs(PlatformVariables.ALL);
        assertThat(ConsumerProfile.PLUGIN_HOST.reads()).isSameAs(PluginHostVariables.ALL);
        assertThat(ConsumerProfile.SUCCESSOR.reads()).isSameAs(SuccessorVariables.ALL);
        assertThat(ConsumerProfile.CORE.readNames()).contains("AUTH_JWKS_URL", "AUTH_ISSUER", "MOZAIKS_OIDC_DISCOVERY_URL");
        assertThat(ConsumerProfile.PLUGIN_HOST.readNames()).noneMatch(name -> name.startsWith("AUTH_"));
    }

    /**
     * Documents whose discovery and keys are on an address nobody answers (as an in-network document seen from the
     * host): with {@link ConsumerProfile#withKeysAt} every user scheme validates against the given keys. Core
     * passes only because AUTH_ISSUER and AUTH_JWKS_URL are set: it never reads MOZAIKS_JWKS_URL to validate.
     */
    @Test
    void withKeysAtIsWhatEachConsumerReallyValidatesWith() throws Rejected {
        try (LocalIssuer issuer = LocalIssuer.start()) {
            String token = issuer.sign(issuer.claims().claim("scope", "openid access_as_user")
                    .claim("scp", "openid access_as_user").build());
            for (ConsumerProfile profile : ConsumerProfile.ALL) {
                Map<String, String> unreachable = EnvDocument.variables(profile.id(), new EnvDocument.Values(issuer.issuer(),
                        WellKnown.discoveryUrl(UNREACHABLE), WellKnown.jwksUrl(UNREACHABLE), ContractEnv.AUDIENCE,
                        ContractEnv.REQUIRED_SCOPE, ContractEnv.ROLES_CLAIM, ContractEnv.TENANT_CLAIM, null));
                Map<String, String> env = profile.withKeysAt(unreachable, issuer.issuer(), WellKnown.jwksUrl(issuer.issuer()));
                for (TokenScheme scheme : profile.schemesFor(CallerKind.USER)) {
                    assertThat(scheme.check(env, token).userId()).as(scheme.name()).isEqualTo("user-1");
                }
            }
            // The old rewrite (MOZAIKS_JWKS_URL only) leaves core on the unreachable discovery.
            Map<String, String> oldRewrite = new java.util.HashMap<>(EnvDocument.variables(ConsumerId.CORE,
                    new EnvDocument.Values(issuer.issuer(), WellKnown.discoveryUrl(UNREACHABLE), WellKnown.jwksUrl(UNREACHABLE),
                            ContractEnv.AUDIENCE, ContractEnv.REQUIRED_SCOPE, ContractEnv.ROLES_CLAIM, ContractEnv.TENANT_CLAIM, null)));
            oldRewrite.put("MOZAIKS_JWKS_URL", WellKnown.jwksUrl(issuer.issuer()));
            // Discovery is fetched on first use, not at construction: the check itself is refused.
            assertThatThrownBy(() -> TokenScheme.CORE_USER.check(oldRewrite, token)).isInstanceOfSatisfying(Rejected.class,
                    rejected -> assertThat(rejected.rule()).isEqualTo(Rule.JWKS_UNAVAILABLE));
        }
    }

    @Test
    void theViewIsTheConsumersOwn() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u").claim("roles", java.util.List.of("superadmin"))
                .claim("scope", "access_as_user").build();
        assertThat(ConsumerProfile.CORE.view(ConsumerProfile.CORE.document(ISSUER), claims).superAdmin()).isTrue();
        assertThat(ConsumerProfile.PLUGIN_HOST.view(ConsumerProfile.PLUGIN_HOST.document(ISSUER), claims).superAdmin()).isTrue();
        // .NET's superadmin role is SuperAdmin (ignoring case): superadmin matches.
        assertThat(ConsumerProfile.PLATFORM.view(ConsumerProfile.PLATFORM.document(ISSUER), claims).superAdmin()).isTrue();
        // The successor's one admin level is the role admin exactly: superadmin does not reach it.
        assertThat(ConsumerProfile.SUCCESSOR.view(ConsumerProfile.SUCCESSOR.document(ISSUER), claims).admin()).isFalse();
        assertThat(Arrays.stream(ConsumerId.values()).map(ConsumerProfile::of))
                .containsExactly(ConsumerProfile.CORE, ConsumerProfile.PLATFORM, ConsumerProfile.PLUGIN_HOST);
    }
}
