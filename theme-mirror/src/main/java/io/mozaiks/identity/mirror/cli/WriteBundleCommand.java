package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.bundle.BundleLimits;
import io.mozaiks.identity.mirror.bundle.BundleRefusedException;
import io.mozaiks.identity.mirror.bundle.BundleResult;
import io.mozaiks.identity.mirror.bundle.BundleValidator;
import io.mozaiks.identity.mirror.bundle.BundleWriter;
import io.mozaiks.identity.mirror.bundle.CodeFile;
import io.mozaiks.identity.mirror.bundle.CodeFilesReader;
import io.mozaiks.identity.mirror.bundle.ValidatedFile;
import io.mozaiks.identity.mirror.content.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "write-bundle", mixinStandardHelpOptions = true,
        description = {"Write workflow output {\"code_files\":[{\"path\":...,\"content\":...}]} as files under DIR,"
                + " all-or-nothing: the bundle is built in a staging folder beside DIR and moved into place only"
                + " when every entry is valid. Needs no opt-in: it writes only under DIR.",
                "DIR may be new or an empty folder; a non-empty DIR is refused unless --replace."
                + " A link at DIR's place is always refused."},
        footerHeading = "%nExamples:%n",
        footer = {"  bin/theme-mirror write-bundle --out build/app workflow-output.json",
                "  generate | bin/theme-mirror write-bundle --out build/app -",
                "  bin/theme-mirror write-bundle --out build/app --replace --max-files 200 o.json",
                "  bin\\theme-mirror.cmd write-bundle --out C:\\work\\app out.json"})
public final class WriteBundleCommand implements Callable<Integer> {
    @ParentCommand
    private ThemeMirrorCli cli;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle folder to create.")
    private Path out;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
            description = "Workflow output JSON; '-' (default) reads stdin.")
    private String input;

    @Option(names = "--replace", description = "Swap a non-empty DIR for the new bundle (the old tree is deleted"
            + " without following links).")
    private boolean replace;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "" + BundleLimits.DEFAULT_MAX_FILES,
            description = "Lower the file-count limit (default and maximum: ${DEFAULT-VALUE}).")
    private int maxFiles;

    @Option(names = "--max-total-bytes", paramLabel = "BYTES", defaultValue = "" + BundleLimits.DEFAULT_MAX_TOTAL_BYTES,
            description = "Lower the total-size limit (default and maximum: ${DEFAULT-VALUE}).")
    private long maxTotalBytes;

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", defaultValue = "" + BundleLimits.DEFAULT_MAX_FILE_BYTES,
            description = "Lower the per-file size limit (default and maximum: ${DEFAULT-VALUE}).")
    private long maxFileBytes;

    @Option(names = "--json", description = "Print a JSON report on stdout.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Console console = cli.console(json);
        try {
            BundleLimits limits = limits();
            List<CodeFile> files;
            try (InputStream stream = open()) {
                files = CodeFilesReader.read(stream, limits);
            }
            List<ValidatedFile> valid = BundleValidator.validate(files, limits);
            BundleResult result = BundleWriter.write(out, valid, replace);
            print(console, result);
            return ExitCodes.OK;
        } catch (BundleRefusedException e) {
            int code = e.limitExceeded() ? ExitCodes.LIMIT_EXCEEDED : ExitCodes.REFUSED;
            return console.fail(new CliFailure(code, e.getMessage() + "; nothing was written"));
        } catch (CliFailure failure) {
            return console.fail(failure);
        } catch (IOException e) {
            return console.fail(new CliFailure(ExitCodes.IO_ERROR, "I/O error while writing the bundle: " + e
                    + "; nothing was moved into place"));
        }
    }

    private BundleLimits limits() throws CliFailure {
        try {
            return new BundleLimits(maxFiles, maxTotalBytes, maxFileBytes);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    private InputStream open() throws IOException, CliFailure {
        if (input.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCodes.USAGE, "input file " + input + " not found; pass a file or '-' for stdin");
        }
    }

    private static void print(Console console, BundleResult result) {
        if (console.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("command", "write-bundle");
            report.put("directory", result.directory().toString());
            report.put("replaced", result.replaced());
            report.put("exitCode", ExitCodes.OK);
            report.put("files", result.files().stream().map(file -> {
                ContentHash hash = ContentHash.of(file.content());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", file.index());
                row.put("path", file.path().toString());
                row.put("size", hash.size());
                row.put("sha256", hash.sha256());
                return row;
            }).toList());
            console.json(report);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ValidatedFile file : result.files()) {
            ContentHash hash = ContentHash.of(file.content());
            text.append(String.format("%10d  %s  %s%n", hash.size(), hash.shortSha(), file.path()));
        }
        text.append(String.format("write-bundle: %d file(s) written to %s%s%n", result.files().size(),
                result.directory(), result.replaced() ? " (replaced the previous folder)" : ""));
        console.table(text.toString());
    }
}
