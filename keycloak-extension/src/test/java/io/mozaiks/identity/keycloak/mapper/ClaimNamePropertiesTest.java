package io.mozaiks.identity.keycloak.mapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.ConsumerView;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.keycloak.representations.AccessToken;
import org.keycloak.util.JsonSerialization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 1.2's invariant, for arbitrary hostile mappers: whatever claims other mappers wrote (any read name in
 * any case or look-alike spelling, any JSON type, duplicates, empty values), after the contract every consumer's
 * view of the token (roles, admin and superadmin, MFA, internal or user, user id, tenant, scopes, client id) is the
 * view of what Keycloak granted. The token is Keycloak's own class, serialized as the server serializes it, and
 * each consumer reads it through its emulation in consumer-rules.
 */
class ClaimNamePropertiesTest {

    private static final String ISSUER = TokenClaimsTest.ISSUER;
    private static final String REQUIRED_SCOPE = "access_as_user";
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Property(tries = 400)
    void everyConsumerSeesWhatKeycloakGranted(@ForAll("granted") ContractDecision granted,
                                              @ForAll("hostileClaims") List<Map.Entry<String, Object>> hostile) throws Exception {
        String clean = written(granted, List.of());
        String attacked = written(granted, hostile);

        STRICT.readTree(attacked); // no duplicate JSON keys
        assertThat(JWTClaimsSet.parse(attacked).getClaims().keySet()).noneMatch(ReadClaimNames::isCaseVariant);
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            assertThat(view(consumer, attacked)).as(consumer + " reading " + attacked).isEqualTo(view(consumer, clean));
        }
    }

    /** The clean token means what was granted (so the equality above is not between two wrong views). */
    @Property(tries = 200)
    void theGrantedTokenMeansWhatWasGranted(@ForAll("granted") ContractDecision granted) throws Exception {
        String clean = written(granted, List.of());
        Set<String> roles = Set.copyOf(granted.roles());
        boolean user = granted.kind() == TokenKind.USER;

        ConsumerView net = view(ConsumerProfile.PLATFORM, clean);
        assertThat(net.userId()).isEqualTo(granted.subject());
        assertThat(net.clientId()).isEqualTo(granted.clientId());
        assertThat(net.tenant()).isEqualTo(granted.tenant());
        // .NET holds role claims whose names it compares ignoring case; the view keeps one per case-folded value.
        assertThat(folded(net.roles())).isEqualTo(folded(roles));
        assertThat(net.superAdmin()).isEqualTo(roles.stream().anyMatch("SuperAdmin"::equalsIgnoreCase));
        assertThat(net.admin()).isEqualTo(net.superAdmin() || roles.stream().anyMatch("Admin"::equalsIgnoreCase));
        assertThat(net.mfa()).isEqualTo(granted.amr().contains("mfa"));
        assertThat(net.internal()).isEqualTo(!user);
        assertThat(net.scopes().contains(REQUIRED_SCOPE)).isEqualTo(user);

        ConsumerView core = view(ConsumerProfile.CORE, clean);
        assertThat(core.userId()).isEqualTo(granted.subject());
        assertThat(core.roles()).isEqualTo(roles);
        assertThat(core.superAdmin()).isEqualTo(roles.contains("admin") || roles.contains("superadmin"));
        assertThat(core.internal()).isEqualTo(!user);
        assertThat(core.tenant()).isEqualTo(granted.tenant());

        // The successor (configured by core's document, AUTH_ROLES_CLAIM=roles): one admin level, the role admin exactly.
        ConsumerView successor = view(ConsumerProfile.SUCCESSOR, clean);
        assertThat(successor.userId()).isEqualTo(granted.subject());
        assertThat(successor.roles()).isEqualTo(roles);
        assertThat(successor.admin()).isEqualTo(roles.contains("admin"));
        assertThat(successor.internal()).isEqualTo(!user);

        ConsumerView plugin = view(ConsumerProfile.PLUGIN_HOST, clean);
        assertThat(plugin.userId()).isEqualTo(granted.subject());
        assertThat(plugin.roles()).isEqualTo(roles);
        assertThat(plugin.superAdmin()).isEqualTo(roles.contains("superadmin"));
    }

    private static Set<String> folded(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /** What the consumer concludes, with the env the contract publishes for it (consumer-rules' one model of it). */
    private static ConsumerView view(ConsumerProfile consumer, String json) throws Exception {
        return consumer.view(consumer.document(ISSUER), JWTClaimsSet.parse(json));
    }

    /** Keycloak's token after its stock mappers and the hostile ones, then the contract, as JSON. */
    private static String written(ContractDecision granted, List<Map.Entry<String, Object>> hostile) throws Exception {
        AccessToken token = TokenClaimsTest.keycloakToken();
        if (granted.amr().contains("mfa")) {
            token.setAcr("mfa");
        }
        token.getOtherClaims().put("email_verified", true);
        hostile.forEach(claim -> token.getOtherClaims().put(claim.getKey(), claim.getValue()));
        TokenClaims.applyToAccessToken(token, granted);
        return JsonSerialization.writeValueAsString(token);
    }

    @Provide
    Arbitrary<ContractDecision> granted() {
        Arbitrary<List<String>> userRoles = Arbitraries.of("user", "developer", "superadmin", "platform_admin", "Admin", "admin")
                .set().ofMaxSize(4).map(ArrayList::new);
        Arbitrary<ContractDecision> user = Combinators.combine(userRoles, Arbitraries.of(List.of("pwd"), List.of("pwd", "otp", "mfa")),
                        Arbitraries.of("app", "mozaiks-shell"))
                .as((roles, amr, client) -> new ContractDecision(TokenKind.USER, "user-" + client, client, List.of("mozaiks-api"),
                        REQUIRED_SCOPE, "dev-user", "Dev User", "dev@example.com", roles, "mozaiks", amr, null, Set.of()));
        Arbitrary<ContractDecision> service = Arbitraries.of("developer", "user").set().ofMaxSize(2).map(extra -> {
            List<String> roles = new ArrayList<>(new LinkedHashSet<>(extra));
            roles.add("internal_service");
            return new ContractDecision(TokenKind.INTERNAL_SERVICE, "sa-core", "mozaiks-core", List.of("mozaiks-api"),
                    REQUIRED_SCOPE, "service-account-mozaiks-core", null, null, roles, "mozaiks", List.of(), null, Set.of());
        });
        return Arbitraries.oneOf(user, service);
    }

    /** Any read name in any spelling, including look-alikes .NET folds to the same letter, with any JSON value. */
    @Provide
    Arbitrary<List<Map.Entry<String, Object>>> hostileClaims() {
        Arbitrary<String> names = Arbitraries.of(List.copyOf(ReadClaimNames.ALL)).flatMap(ClaimNamePropertiesTest::spelling);
        return Combinators.combine(names, values()).as(Map::<String, Object>entry).list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> spelling(String name) {
        return Arbitraries.integers().between(0, 3).list().ofSize(name.length()).map(choices -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                out.append(switch (choices.get(i)) {
                    case 1 -> Character.toUpperCase(c);
                    case 2 -> c == 's' ? '\u017F' : c == 'i' ? '\u0131' : c == 'k' ? '\u212A' : Character.toUpperCase(c);
                    default -> c;
                });
            }
            return out.toString();
        });
    }

    private static Arbitrary<Object> values() {
        Arbitrary<String> words = Arbitraries.of("SuperAdmin", "superadmin", "Admin", "admin", "internal_service", "service",
                "mfa", "openid", "access_as_user", "", "other-tenant", "mozaiks-core", "alice", "execution", "true");
        return Arbitraries.oneOf(words.map(w -> w), words.list().ofMaxSize(4).map(l -> l),
                Arbitraries.integers().map(i -> i), Arbitraries.of(true, false).map(b -> b),
                words.list().ofMaxSize(3).map(l -> Map.of("roles", l)), Arbitraries.just(List.of()));
    }
}
