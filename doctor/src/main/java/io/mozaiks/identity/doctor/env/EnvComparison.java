package io.mozaiks.identity.doctor.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A consumer env against the contract endpoint's document for it: each difference with the fix. */
public final class EnvComparison {

    /** One difference: MISSING, DIFFERS or EXTRA (or, from {@link CoreBillingCheck}, UNSAFE or WARN), the variable, and what to do. */
    public record Difference(String kind, String name, String actual, String expected, String fix) {
    }

    private EnvComparison() {
    }

    public static List<Difference> compare(Consumer consumer, Map<String, String> actual, Map<String, String> expected) {
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String is = actual.get(e.getKey());
            if (is == null) {
                out.add(new Difference("MISSING", e.getKey(), null, e.getValue(), "add " + e.getKey() + "=" + e.getValue()));
            } else if (!is.equals(e.getValue())) {
                out.add(new Difference("DIFFERS", e.getKey(), is, e.getValue(), "set " + e.getKey() + "=" + e.getValue()));
            }
        }
        for (String name : new TreeSet<>(actual.keySet())) {
            if (consumer.reads().contains(name) && !expected.containsKey(name)) {
                out.add(new Difference("EXTRA", name, actual.get(name), null,
                        "remove " + name + ": the contract's env for " + consumer.path() + " does not set it, and "
                                + consumer.path() + " reads it for authentication"));
            }
        }
        return out;
    }
}
