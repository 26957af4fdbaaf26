package io.mozaiks.identity.mirror.bundle;

import io.mozaiks.identity.pathsafety.NameCollisions;
import io.mozaiks.identity.pathsafety.PathRules;
import io.mozaiks.identity.pathsafety.PathVerdict;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a whole bundle before anything is written (pure, no I/O): every path through {@link PathRules},
 * no two names that collide case-insensitively or after Unicode normalisation, content that is valid Unicode,
 * and the size limits. The first bad entry refuses the bundle.
 */
public final class BundleValidator {
    private BundleValidator() {
    }

    public static List<ValidatedFile> validate(List<CodeFile> files, BundleLimits limits) throws BundleRefusedException {
        if (files.isEmpty()) {
            throw new BundleRefusedException("bundle refused: \"code_files\" is empty", false);
        }
        if (files.size() > limits.maxFiles()) {
            throw new BundleRefusedException("bundle refused: " + files.size() + " files, above the limit of "
                    + limits.maxFiles() + " (--max-files)", true);
        }
        NameCollisions names = new NameCollisions();
        List<ValidatedFile> result = new ArrayList<>(files.size());
        long total = 0;
        for (CodeFile file : files) {
            PathVerdict verdict = PathRules.check(file.path());
            if (!verdict.isAccepted()) {
                throw BundleRefusedException.entry(file.index(), file.path(), verdict.reason().orElseThrow());
            }
            Optional<String> clash = names.add(verdict.path().orElseThrow());
            if (clash.isPresent()) {
                throw BundleRefusedException.entry(file.index(), file.path(), clash.get());
            }
            byte[] bytes = utf8(file);
            if (bytes.length > limits.maxFileBytes()) {
                throw new BundleRefusedException("bundle refused: code_files[" + file.index() + "] ('"
                        + PathRules.printable(file.path()) + "') is " + bytes.length + " bytes, above the limit of "
                        + limits.maxFileBytes() + " (--max-file-bytes)", true);
            }
            total += bytes.length;
            if (total > limits.maxTotalBytes()) {
                throw new BundleRefusedException("bundle refused: total size passes the limit of "
                        + limits.maxTotalBytes() + " bytes at code_files[" + file.index() + "] (--max-total-bytes)", true);
            }
            result.add(new ValidatedFile(file.index(), verdict.path().orElseThrow(), bytes));
        }
        return result;
    }

    /** Strict encoding: a lone surrogate from a JSON escape would otherwise silently become '?'. */
    private static byte[] utf8(CodeFile file) throws BundleRefusedException {
        try {
            var buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(file.content()));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw BundleRefusedException.entry(file.index(), file.path(), "content is not valid Unicode (lone surrogate)");
        }
    }
}
