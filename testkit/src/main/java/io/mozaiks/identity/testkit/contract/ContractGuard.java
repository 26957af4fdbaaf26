package io.mozaiks.identity.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Validates real tokens against the published JSON Schemas (docs/contracts): contract v1
 * ({@link #USER_SCHEMA}, {@link #SERVICE_SCHEMA}, kept as history) and contract 1.1
 * ({@link #USER_SCHEMA_1_1}, {@link #SERVICE_SCHEMA_1_1}, which also forbid every stripped claim). A failure
 * means the PUBLIC contract changed: the message says so and lists the claim difference in a form that
 * can be handed to the consumer teams as it is.
 */
public final class ContractGuard {

    public static final String USER_SCHEMA = "auth-claims-v1.user-access-token.schema.json";
    public static final String SERVICE_SCHEMA = "auth-claims-v1.service-access-token.schema.json";
    /** Contract 1.1 user access token: v1 plus the stripped claims forbidden and the acr rule. */
    public static final String USER_SCHEMA_1_1 = "auth-claims-v1.1.user-access-token.schema.json";
    /** Contract 1.1 internal service access token: v1 plus a service-only role and the stripped claims forbidden. */
    public static final String SERVICE_SCHEMA_1_1 = "auth-claims-v1.1.service-access-token.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path contractsDir;

    public ContractGuard(Path contractsDir) {
        this.contractsDir = contractsDir;
    }

    /** @return the differences; empty when the payload keeps the contract */
    public List<String> differences(String schemaFile, JsonNode payload) {
        List<String> problems = schema(schemaFile).validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .collect(Collectors.toList());
        // JSON Schema cannot say "scp equals scope"; the .NET consumer needs exactly that.
        if (payload.has("scp") && !Objects.equals(payload.get("scp"), payload.get("scope"))) {
            problems.add("$.scp: " + payload.get("scp") + " differs from $.scope " + payload.get("scope"));
        }
        return problems;
    }

    /** Throws an AssertionError with the hand-over message when the token's payload drifted. */
    public void check(String schemaFile, String what, String jwt) {
        JsonNode payload = payload(jwt);
        List<String> differences = differences(schemaFile, payload);
        if (!differences.isEmpty()) {
            throw new AssertionError(message(schemaFile, what, payload, differences));
        }
    }

    static String message(String schemaFile, String what, JsonNode payload, List<String> differences) {
        return "PUBLIC CONTRACT CHANGED: the " + what + " no longer matches docs/contracts/" + schemaFile + ".\n"
                + "The contract is published to mozaiks-core (runtime, plugin-host) and mozaiks-platform. Either fix the provider,\n"
                + "or bump the contract version (new docs/contracts/auth-claims-*.md + schemas + CHANGELOG.md) and hand this\n"
                + "difference to both teams:\n"
                + differences.stream().map(d -> "  - " + d).collect(Collectors.joining("\n"))
                + "\nToken claims were: " + payload;
    }

    public static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonSchema schema(String file) {
        try (InputStream in = Files.newInputStream(contractsDir.resolve(file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("contract schema not readable: " + contractsDir.resolve(file), e);
        }
    }
}
