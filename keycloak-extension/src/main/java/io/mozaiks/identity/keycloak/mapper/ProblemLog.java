package io.mozaiks.identity.keycloak.mapper;

import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each config problem once per realm, client and mapper: a broken import must be visible to
 * operators without one warning per token. Bounded: when full it starts over (a problem may then be
 * logged again), so a flood of distinct problems can neither grow memory nor silence later ones.
 */
final class ProblemLog {

    private static final Logger LOG = Logger.getLogger(ProblemLog.class);
    /** Bounded, so a hostile stream of distinct problems cannot grow memory without limit. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private ProblemLog() {
    }

    static void once(String realm, String client, String mapper, String problem) {
        String key = realm + '\u0000' + client + '\u0000' + mapper + '\u0000' + problem;
        if (SEEN.size() >= MAX_REMEMBERED) {
            SEEN.clear();
        }
        if (!SEEN.add(key)) {
            return;
        }
        LOG.warnf("mozaiks contract: claim omitted (realm=%s, client=%s, mapper=%s): %s", realm, client, mapper, problem);
    }
}
