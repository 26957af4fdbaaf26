package io.mozaiks.identity.mirror.it;

import io.mozaiks.identity.mirror.cli.MirrorOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a SEPARATE JVM ({@code java -cp <test classpath> ...ThemeMirrorCli}), the way the launchers
 * do, so exit codes, environment variables and kill -9 are real. The allowlist and themes defaults are passed
 * as the same system properties bin/theme-mirror sets.
 */
final class CliProcess {
    static final String MAIN = "io.mozaiks.identity.mirror.cli.ThemeMirrorCli";

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Map<String, String> environment = new HashMap<>();
    private final List<String> properties = new ArrayList<>();
    private final Path workDir;

    CliProcess(Path workDir) {
        this.workDir = workDir;
        System.getenv().forEach((key, value) -> {
            if (!key.startsWith("MOZAIKS_") && !key.startsWith("GIT_")) {
                environment.put(key, value);
            }
        });
    }

    CliProcess env(String key, String value) {
        if (value == null) {
            environment.remove(key);
        } else {
            environment.put(key, value);
        }
        return this;
    }

    CliProcess defaults(Path allowlist, Path themes) {
        properties.add("-D" + MirrorOptions.ALLOWLIST_PROPERTY + "=" + allowlist);
        properties.add("-D" + MirrorOptions.THEMES_PROPERTY + "=" + themes);
        return this;
    }

    Process start(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(classpath());
        command.addAll(properties);
        command.add(MAIN);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        outputs.put(process, new Path[] {out, err});
        return process;
    }

    private final Map<Process, Path[]> outputs = new HashMap<>();

    Result finish(Process process) throws IOException, InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("CLI did not finish in 60s");
        }
        Path[] files = outputs.remove(process);
        Result result = new Result(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]));
        Files.deleteIfExists(files[0]);
        Files.deleteIfExists(files[1]);
        return result;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return finish(start(null, args));
    }

    Result runWithStdin(String stdin, String... args) throws IOException, InterruptedException {
        return finish(start(stdin, args));
    }

    /** The forked test JVM's classpath (failsafe runs with useManifestOnlyJar=false, so it is the real one). */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.contains("surefirebooter")) {
            throw new IllegalStateException("manifest-only classpath; configure useManifestOnlyJar=false");
        }
        return classpath;
    }
}
