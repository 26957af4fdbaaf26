package io.mozaiks.identity.consumers;

import io.mozaiks.identity.contractenv.ConsumerId;

import java.util.Map;

/** One way a consumer authenticates a request, for one kind of caller, run with that consumer's own rules. */
public enum TokenScheme {
    CORE_USER(ConsumerId.CORE.segment(), ConsumerId.CORE, "mozaiks-core runtime, user endpoint", CallerKind.USER),
    CORE_SUCCESSOR_USER(ConsumerProfile.SUCCESSOR_NAME, ConsumerId.CORE,
            "mozaiks-core's successor (unified mozaiks runtime), user endpoint", CallerKind.USER),
    CORE_SUCCESSOR_INTERNAL(ConsumerProfile.SUCCESSOR_NAME, ConsumerId.CORE,
            "mozaiks-core's successor (unified mozaiks runtime), internal endpoint", CallerKind.SERVICE),
    CORE_INTERNAL(ConsumerId.CORE.segment(), ConsumerId.CORE, "mozaiks-core runtime, internal endpoint (internal_service role)", CallerKind.SERVICE),
    PLUGIN_HOST(ConsumerId.PLUGIN_HOST.segment(), ConsumerId.PLUGIN_HOST, "mozaiks-core plugin-host", CallerKind.USER),
    PLATFORM_BEARER(ConsumerId.PLATFORM.segment(), ConsumerId.PLATFORM, "mozaiks-platform Bearer", CallerKind.USER),
    PLATFORM_INTERNAL_BEARER(ConsumerId.PLATFORM.segment(), ConsumerId.PLATFORM, "mozaiks-platform InternalBearer", CallerKind.SERVICE);

    /** Who an accepted token speaks for: the user id (null for a service scheme's view) and the client id. */
    public record Caller(String userId, String clientId) {
    }

    private final String profile;
    private final ConsumerId consumer;
    private final String title;
    private final CallerKind meantFor;

    TokenScheme(String profile, ConsumerId consumer, String title, CallerKind meantFor) {
        this.profile = profile;
        this.consumer = consumer;
        this.title = title;
        this.meantFor = meantFor;
    }

    /** The name of the {@link ConsumerProfile} whose rules this is. */
    public String profile() {
        return profile;
    }

    /** The consumer whose env document configures this scheme. */
    public ConsumerId consumer() {
        return consumer;
    }

    public String title() {
        return title;
    }

    /** The kind of caller this scheme is for: a rejection of the other kind is expected, not a finding. */
    public CallerKind meantFor() {
        return meantFor;
    }

    /** Builds the consumer from {@code env} (fetching discovery and keys as it does) and runs this scheme on the token. */
    public Caller check(Map<String, String> env, String token) throws Rejected {
        return switch (this) {
            case CORE_USER -> caller(PythonCoreConsumer.fromEnv(env).user(token));
            case CORE_SUCCESSOR_USER -> caller(SuccessorConsumer.fromEnv(env).user(token));
            case CORE_SUCCESSOR_INTERNAL -> caller(SuccessorConsumer.fromEnv(env).internal(token));
            case CORE_INTERNAL -> caller(PythonCoreConsumer.fromEnv(env).internal(token, true));
            case PLUGIN_HOST -> new Caller(PluginHostConsumer.fromEnv(env).authenticate(token).userId(), null);
            case PLATFORM_BEARER -> caller(DotnetPlatformConsumer.fromEnv(env).bearer(token));
            case PLATFORM_INTERNAL_BEARER -> caller(DotnetPlatformConsumer.fromEnv(env).internalBearer(token));
        };
    }

    private static Caller caller(Principal principal) {
        return new Caller(principal.userId(), principal.clientId());
    }
}
