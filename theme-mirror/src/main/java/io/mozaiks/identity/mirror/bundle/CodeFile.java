package io.mozaiks.identity.mirror.bundle;

/** One {@code code_files} entry as read from workflow output: its index in the list, raw path and content. */
public record CodeFile(int index, String path, String content) {
}
