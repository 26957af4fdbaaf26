package io.mozaiks.identity.mirror.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link MirrorReport} as an aligned text table for people. */
final class MirrorTable {
    private static final String[] HEADERS = {"ACTION", "TARGET", "SOURCE SIZE", "TARGET SIZE", "SOURCE SHA-256", "TARGET SHA-256", "NOTE"};

    private MirrorTable() {
    }

    static String render(MirrorReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (ReportItem item : report.items()) {
            String note = item.note();
            if (item.backup() != null) {
                note = (note.isEmpty() ? "" : note + "; ") + "backup: " + item.backup();
            }
            rows.add(new String[] {item.action(), item.target(), size(item.sourceSize()), size(item.targetSize()),
                    sha(item.sourceSha256()), sha(item.targetSha256()), note});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("mozaiks-core: ").append(report.root()).append(System.lineSeparator());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        if (!report.themeFilesRead().isEmpty()) {
            out.append("theme read: ").append(String.join(", ", report.themeFilesRead())).append(System.lineSeparator());
        }
        for (String note : report.themeNotes()) {
            out.append("theme note: ").append(note).append(System.lineSeparator());
        }
        for (String removed : report.removedTempFiles()) {
            out.append("removed stale temp file: ").append(removed).append(System.lineSeparator());
        }
        out.append(report.summary()).append(System.lineSeparator());
        return out.toString();
    }

    private static String size(Long size) {
        return size == null ? "-" : size.toString();
    }

    private static String sha(String sha) {
        return sha == null ? "-" : sha.substring(0, 12);
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }
}
