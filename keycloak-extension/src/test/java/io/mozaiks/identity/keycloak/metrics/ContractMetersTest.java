package io.mozaiks.identity.keycloak.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mozaiks.identity.keycloak.claims.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ContractMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ContractMeters meters = new ContractMeters(registry);

    private double count(String name, String realm, String tag, String value) {
        return registry.get(name).tag(ContractMeters.REALM, realm).tag(tag, value).counter().count();
    }

    @Test
    void countsTokensByKindAndOmissionsByReason() {
        meters.tokenIssued("r1", TokenKind.USER, Set.of());
        meters.tokenIssued("r1", TokenKind.USER, EnumSet.of(FailClosedReason.PRIVILEGE_SETTINGS, FailClosedReason.AMR_UNREADABLE));
        meters.tokenIssued("r1", TokenKind.INTERNAL_SERVICE, Set.of());
        meters.tokenIssued("r2", TokenKind.OTHER_SERVICE, Set.of(FailClosedReason.PRIVILEGE_SETTINGS));
        meters.failedClosed("r1", FailClosedReason.MAPPER_NOT_COUNTING);

        assertThat(count(ContractMeters.TOKENS, "r1", ContractMeters.KIND, "user")).isEqualTo(2);
        assertThat(count(ContractMeters.TOKENS, "r1", ContractMeters.KIND, "internal_service")).isEqualTo(1);
        assertThat(count(ContractMeters.TOKENS, "r1", ContractMeters.KIND, "other_service")).isZero();
        assertThat(count(ContractMeters.TOKENS, "r2", ContractMeters.KIND, "other_service")).isEqualTo(1);
        assertThat(count(ContractMeters.FAIL_CLOSED, "r1", ContractMeters.REASON, "privilege_settings")).isEqualTo(1);
        assertThat(count(ContractMeters.FAIL_CLOSED, "r1", ContractMeters.REASON, "amr_unreadable")).isEqualTo(1);
        assertThat(count(ContractMeters.FAIL_CLOSED, "r1", ContractMeters.REASON, "mapper_not_counting")).isEqualTo(1);
        assertThat(count(ContractMeters.FAIL_CLOSED, "r2", ContractMeters.REASON, "privilege_settings")).isEqualTo(1);
    }

    @Test
    void countsEndpointAnswersByStatusClassAndIgnoresNonsense() {
        meters.endpointResponse("r1", 200);
        meters.endpointResponse("r1", 204);
        meters.endpointResponse("r1", 404);
        meters.endpointResponse("r1", 503);
        meters.endpointResponse("r1", 0);
        meters.endpointResponse("r1", 600);

        assertThat(count(ContractMeters.ENDPOINT_RESPONSES, "r1", ContractMeters.STATUS_CLASS, "2xx")).isEqualTo(2);
        assertThat(count(ContractMeters.ENDPOINT_RESPONSES, "r1", ContractMeters.STATUS_CLASS, "4xx")).isEqualTo(1);
        assertThat(count(ContractMeters.ENDPOINT_RESPONSES, "r1", ContractMeters.STATUS_CLASS, "5xx")).isEqualTo(1);
        assertThat(count(ContractMeters.ENDPOINT_RESPONSES, "r1", ContractMeters.STATUS_CLASS, "3xx")).isZero();
    }

    /** The cardinality promise: per realm a fixed set of series, labelled only by realm and one bounded label. */
    @Test
    void labelsAreBoundedToRealmAndOneFixedLabel() {
        meters.tokenIssued("r1", TokenKind.USER, Set.of());
        meters.endpointResponse("r2", 200);
        Set<String> tagKeys = registry.getMeters().stream().map(Meter::getId)
                .flatMap(id -> id.getTags().stream()).map(t -> t.getKey()).collect(Collectors.toSet());
        assertThat(tagKeys).containsExactlyInAnyOrder(ContractMeters.REALM, ContractMeters.KIND, ContractMeters.REASON,
                ContractMeters.STATUS_CLASS);
        int perRealm = TokenKind.values().length + FailClosedReason.values().length + 5;
        assertThat(registry.getMeters()).hasSize(2 * perRealm);
        meters.tokenIssued("r1", TokenKind.OTHER_SERVICE, Set.of(FailClosedReason.EMAIL_NAME_COLLISION));
        assertThat(registry.getMeters()).hasSize(2 * perRealm);
    }
}
