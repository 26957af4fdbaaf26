package io.mozaiks.identity.testkit.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates real tokens against the published JSON Schemas (docs/contracts): contract v1
 * ({@link #USER_SCHEMA}, {@link #SERVICE_SCHEMA}, kept as history), contract 1.1
 * ({@link #USER_SCHEMA_1_1}, {@link #SERVICE_SCHEMA_1_1}, which also forbid every stripped claim) and contract 1.2
 * ({@link #USER_SCHEMA_1_2}, {@link #SERVICE_SCHEMA_1_2}, which also forbid every case variant of a read name). A failure
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
    /**
     * Contract 1.2 user access token: 1.1 plus the new stripped claims (capability, plan, subscription,
     * entitlements, billing) and no claim whose name is a case variant of a read name ({@code Roles}, {@code ſcp}).
     */
    public static final String USER_SCHEMA_1_2 = "auth-claims-v1.2.user-access-token.schema.json";
    /** Contract 1.2 internal service access token: 1.1 plus the same name rules as {@link #USER_SCHEMA_1_2}. */
    public static final String SERVICE_SCHEMA_1_2 = "auth-claims-v1.2.service-access-token.schema.json";

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

    /**
     * Throws an AssertionError with the hand-over message when the token's payload drifted. Besides the
     * schema it checks what a JSON Schema cannot see: a claim name that occurs twice in the payload's JSON
     * (a mapper-written copy of a field Keycloak writes itself), which PyJWT reads as the LAST value and
     * .NET as the FIRST.
     */
    public void check(String schemaFile, String what, String jwt) {
        byte[] raw = rawPayload(jwt);
        JsonNode payload = tree(raw);
        List<String> differences = new ArrayList<>(differences(schemaFile, payload));
        duplicateClaims(raw).forEach(name -> differences.add(
                "$." + name + ": the claim appears more than once in the token (PyJWT reads the last, .NET the first)"));
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
        return tree(rawPayload(jwt));
    }

    /** Top-level names that occur more than once in a JSON object, in order of their second occurrence. */
    static List<String> duplicateClaims(byte[] json) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!seen.add(name)) {
                    duplicates.add(name);
                }
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(duplicates);
    }

    private static byte[] rawPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return Base64.getUrlDecoder().decode(parts[1]);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
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
