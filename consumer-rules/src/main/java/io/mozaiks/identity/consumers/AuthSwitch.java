package io.mozaiks.identity.consumers;

import java.util.Set;

/**
 * A variable whose value can switch a consumer's authentication OFF (it fails open), with the spellings that
 * decide. {@code spellingsKeepAuthOn}: the spellings are the only "on" values (anything else is off); otherwise
 * they are the "off" values.
 */
public record AuthSwitch(EnvVariable variable, Set<String> spellings, boolean spellingsKeepAuthOn) {
}
