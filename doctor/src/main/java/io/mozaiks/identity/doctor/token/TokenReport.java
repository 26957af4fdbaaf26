package io.mozaiks.identity.doctor.token;

import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.TokenScheme;

import java.util.List;
import java.util.Map;

/** Everything {@code mozaiks-doctor token} prints: the token's header and claims, one verdict per scheme, warnings. */
public record TokenReport(Map<String, Object> header, Map<String, Object> claims, CallerKind kind, String issuer,
                          List<Verdict> verdicts, List<String> warnings, List<String> notes) {

    /** A scheme meant for this kind of token refused it. */
    public boolean hasFindings() {
        return verdicts.stream().anyMatch(Verdict::isFinding);
    }

    public Verdict verdict(TokenScheme scheme) {
        return verdicts.stream().filter(v -> v.scheme() == scheme).findFirst().orElseThrow();
    }
}
