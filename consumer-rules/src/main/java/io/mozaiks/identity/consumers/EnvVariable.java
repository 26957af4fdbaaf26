package io.mozaiks.identity.consumers;

/**
 * One environment variable a consumer reads for authentication.
 *
 * @param name         as the consumer's code spells it (contract-env's {@code EnvNames})
 * @param defaultValue what the consumer uses when it is absent; null = no default (required, or a fallback
 *                     described in {@code meaning})
 * @param meaning      what the consumer does with it, in words
 */
public record EnvVariable(String name, String defaultValue, String meaning) {

    static EnvVariable of(String name, String defaultValue, String meaning) {
        return new EnvVariable(name, defaultValue, meaning);
    }
}
