package io.mozaiks.identity.mirror.cli;

import java.util.List;

/** The JSON document printed by plan, apply and check with --json. */
record MirrorReport(String command, String root, int exitCode, String summary, List<ReportItem> items,
                    List<String> removedTempFiles, List<String> themeFilesRead, List<String> themeNotes) {
}
