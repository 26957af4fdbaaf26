package io.mozaiks.identity.keycloak.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every claim name a consumer reads for identity, privilege, routing or validity (contract 1.2,
 * docs/contracts/auth-claims-v1.2.md), and how names are compared.
 *
 * <p>mozaiks-platform finds claims by name ignoring case ({@code StringComparison.OrdinalIgnoreCase}), so a
 * mapper's {@code Roles} or {@code SCP} beside the contract's {@code roles}/{@code scp} changes what it sees.
 * Only the exact lowercase names below are the contract's; any other spelling that {@link #fold folds} to one
 * of them is removed from contract tokens and fails conformance.
 */
public final class ReadClaimNames {

    /**
     * Names Keycloak writes itself as fixed token fields. A mapper that writes one of them into the token's
     * other claims gives the JSON two keys of that name (PyJWT keeps the last, .NET the first), so such a
     * copy never stays in a contract token.
     */
    public static final Set<String> KEYCLOAK_FIELDS = Set.of("iss", "aud", "typ", "sub", "azp", "acr", "exp", "iat",
            "nbf", Contract.CLAIM_SCOPE);

    /** Read by a consumer besides the OWNED and STRIPPED names (docs/consumer-findings.md). */
    private static final List<String> OTHER_READ = List.of("azp", "appid", "client_id", "iss", "aud", "typ", "exp", "nbf",
            "iat", "acr", "given_name", "family_name");

    /** The one list: OWNED, STRIPPED and every other name a consumer reads; all lowercase. */
    public static final Set<String> ALL = all();

    private static final Set<String> FOLDED = ALL.stream().map(ReadClaimNames::fold).collect(Collectors.toUnmodifiableSet());

    private ReadClaimNames() {
    }

    private static Set<String> all() {
        Set<String> names = new LinkedHashSet<>(Contract.OWNED_CLAIMS);
        names.addAll(Contract.STRIPPED_CLAIMS);
        names.addAll(OTHER_READ);
        return java.util.Collections.unmodifiableSet(names);
    }

    /**
     * A case folding at least as lenient as .NET's OrdinalIgnoreCase (per-char invariant upper case, so
     * {@code ſ} = {@code S} and {@code ı} = {@code I}) and Java's equalsIgnoreCase (which also maps the Kelvin
     * sign to {@code k}): lower(upper(c)) per code point. Folding more than a consumer does only removes more.
     */
    public static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    /** A spelling that a consumer may read as a contract name but that is not exactly it ({@code Roles}, {@code ſcp}). */
    public static boolean isCaseVariant(String name) {
        return name != null && !ALL.contains(name) && FOLDED.contains(fold(name));
    }

    /** The read name {@code name} folds to, if any ({@code "Roles"} -> {@code roles}). */
    public static Optional<String> readNameOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String folded = fold(name);
        return ALL.stream().filter(n -> fold(n).equals(folded)).findFirst();
    }
}
