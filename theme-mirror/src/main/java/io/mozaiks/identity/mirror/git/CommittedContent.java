package io.mozaiks.identity.mirror.git;

import io.mozaiks.identity.mirror.content.ContentHash;
import io.mozaiks.identity.pathsafety.RelativePath;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks up the committed ({@code HEAD}) version of a file. {@code ls-tree} first, so "not committed" (empty
 * answer) is told apart from "git failed" (non-zero exit); then {@code cat-file --filters}, which is
 * {@code git show HEAD:path} plus the checkout conversions (e.g. CRLF on Windows) so the bytes compare
 * equal to a clean working-tree file.
 */
public final class CommittedContent {
    private static final Pattern LS_TREE = Pattern.compile("^(\\d{6}) (\\w+) ([0-9a-f]{40,64})\t(.*)$", Pattern.DOTALL);

    private final GitClient git;

    public CommittedContent(GitClient git) {
        this.git = git;
    }

    public CommittedVersion lookup(RelativePath path) {
        try {
            GitResult head = git.run("rev-parse", "-q", "--verify", "HEAD^{commit}");
            if (head.exitCode() == 1 && head.stdout().length == 0) {
                return CommittedVersion.absent(); // no commit yet: nothing is committed
            }
            if (!head.ok()) {
                return CommittedVersion.unknown("git rev-parse HEAD failed: " + head.firstErrorLine());
            }
            GitResult tree = git.run("ls-tree", "-z", "HEAD", "--", path.toString());
            if (!tree.ok()) {
                return CommittedVersion.unknown("git ls-tree failed: " + tree.firstErrorLine());
            }
            String listing = tree.stdoutText();
            if (listing.isEmpty()) {
                return CommittedVersion.absent();
            }
            Matcher matcher = LS_TREE.matcher(listing.endsWith("\0") ? listing.substring(0, listing.length() - 1) : listing);
            if (!matcher.matches() || !matcher.group(4).equals(path.toString())) {
                return CommittedVersion.unknown("unexpected git ls-tree answer for " + path);
            }
            if (!matcher.group(2).equals("blob") || matcher.group(1).equals("120000")) {
                return CommittedVersion.unknown(path + " is committed as " + matcher.group(2)
                        + " mode " + matcher.group(1) + ", not a regular file");
            }
            GitResult blob = git.run("cat-file", "--filters", "--path=" + path, matcher.group(3));
            if (!blob.ok()) {
                return CommittedVersion.unknown("git cat-file failed: " + blob.firstErrorLine());
            }
            return CommittedVersion.present(ContentHash.of(blob.stdout()));
        } catch (IOException e) {
            return CommittedVersion.unknown("git could not be run: " + e.getMessage());
        }
    }
}
