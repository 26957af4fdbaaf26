package io.mozaiks.identity.doctor.env;

import io.mozaiks.identity.consumers.ConsumerProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A consumer env against the contract endpoint's document for it: each difference with the fix. */
public final class EnvComparison {

    /** One difference: MISSING, DIFFERS or EXTRA (or, from {@link CoreBillingCheck}, UNSAFE or WARN), the variable, and what to do. */
    public record Difference(String kind, String name, String actual, String expected, String fix) {
    }

    private EnvComparison() {
    }

    /** A browser client's values against its document: only what the document sets is compared (MISSING, DIFFERS). */
    public static List<Difference> compareSet(Map<String, String> actual, Map<String, String> expected) {
        List<Difference> out = new ArrayList<>();
        expected.forEach((name, value) -> {
            String is = actual.get(name);
            if (is == null) {
                out.add(new Difference("MISSING", name, null, value, "add " + name + "=" + value));
            } else if (!is.equals(value)) {
                out.add(new Difference("DIFFERS", name, is, value, "set " + name + "=" + value));
            }
        });
        return out;
    }

    public static List<Difference> compare(ConsumerProfile consumer, Map<String, String> actual, Map<String, String> expected) {
        List<Difference> out = new ArrayList<>();
        Set<String> reads = consumer.readNames();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!reads.contains(e.getKey())) {
                continue; // a line of a shared document this consumer ignores (core's director lines, for its successor)
            }
            String is = actual.get(e.getKey());
            if (is == null) {
                out.add(new Difference("MISSING", e.getKey(), null, e.getValue(), "add " + e.getKey() + "=" + e.getValue()));
            } else if (!is.equals(e.getValue())) {
                out.add(new Difference("DIFFERS", e.getKey(), is, e.getValue(), "set " + e.getKey() + "=" + e.getValue()));
            }
        }
        for (String name : new TreeSet<>(actual.keySet())) {
            if (reads.contains(name) && !expected.containsKey(name)) {
                out.add(new Difference("EXTRA", name, actual.get(name), null,
                        "remove " + name + ": the contract's env for " + consumer.name() + " does not set it, and "
                                + consumer.name() + " reads it for authentication"));
            }
        }
        return out;
    }
}
