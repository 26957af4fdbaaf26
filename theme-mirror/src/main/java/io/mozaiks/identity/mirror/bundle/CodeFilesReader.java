package io.mozaiks.identity.mirror.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads workflow output {@code {"code_files":[{"path":"...","content":"..."}]}} with Jackson. Other top-level
 * fields and other per-entry fields are ignored (workflows add metadata), but duplicate keys are refused: a
 * second "path" in the same entry is exactly the ambiguity an attacker would use.
 */
public final class CodeFilesReader {
    public static final String CODE_FILES = "code_files";

    private CodeFilesReader() {
    }

    public static List<CodeFile> read(InputStream input, BundleLimits limits) throws IOException, BundleRefusedException {
        byte[] json = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
        if (json.length > limits.maxInputBytes()) {
            throw new BundleRefusedException("bundle refused: input is larger than " + limits.maxInputBytes()
                    + " bytes (derived from --max-total-bytes and --max-files)", true);
        }
        JsonNode root;
        try {
            root = mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleRefusedException("bundle refused: input is not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "), false);
        }
        if (root == null || !root.isObject()) {
            throw new BundleRefusedException("bundle refused: expected a JSON object with \"code_files\"", false);
        }
        JsonNode files = root.get(CODE_FILES);
        if (files == null || !files.isArray()) {
            throw new BundleRefusedException("bundle refused: \"code_files\" is missing or not an array", false);
        }
        if (files.size() > limits.maxFiles()) {
            throw new BundleRefusedException("bundle refused: " + files.size() + " files, above the limit of "
                    + limits.maxFiles() + " (--max-files)", true);
        }
        List<CodeFile> result = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            JsonNode entry = files.get(i);
            if (!entry.isObject()) {
                throw BundleRefusedException.entry(i, null, "entry is not an object");
            }
            JsonNode path = entry.get("path");
            if (path == null || !path.isTextual()) {
                throw BundleRefusedException.entry(i, null, "\"path\" is missing or not a string");
            }
            JsonNode content = entry.get("content");
            if (content == null || !content.isTextual()) {
                throw BundleRefusedException.entry(i, path.asText(), "\"content\" is missing or not a string");
            }
            result.add(new CodeFile(i, path.asText(), content.asText()));
        }
        return result;
    }

    private static JsonMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        // Input size is already capped above; let single strings be as large as a file may be.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE - 8)
                .build());
        return mapper;
    }
}
