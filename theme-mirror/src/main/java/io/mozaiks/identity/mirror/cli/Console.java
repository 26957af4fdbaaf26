package io.mozaiks.identity.mirror.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where results and errors go: results on stdout (table or JSON), errors on stderr as ONE line. */
final class Console {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Console(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A plan/apply/check report: JSON with --json, else the table. */
    void report(MirrorReport report) {
        if (json) {
            json(report);
        } else {
            table(MirrorTable.render(report));
        }
    }

    void table(String text) {
        out.print(text);
        out.flush();
    }

    void json(Object report) {
        try {
            out.println(JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serialisable", e);
        }
        out.flush();
    }

    /** One line on stderr; with --json also a machine-readable error object on stdout. */
    int fail(CliFailure failure) {
        error(failure.getMessage());
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("error", oneLine(failure.getMessage()));
            report.put("exitCode", failure.exitCode());
            json(report);
        }
        return failure.exitCode();
    }

    void error(String message) {
        err.println("theme-mirror: " + oneLine(message));
        err.flush();
    }

    static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
