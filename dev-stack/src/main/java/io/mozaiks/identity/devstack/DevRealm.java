package io.mozaiks.identity.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the realm folder says: the realm name and the dev users (read from the files, never assumed). */
public record DevRealm(String name, List<DevUser> users) {

    public static final String DEFAULT_REALM = "mozaiks";

    /** One dev user as the summary prints it. */
    public record DevUser(String username, String password, List<String> realmRoles, List<String> groups) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DevRealm read(List<Path> realmFiles) {
        String name = null;
        List<DevUser> users = new ArrayList<>();
        for (Path file : realmFiles) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("realm file " + file + " is not valid JSON", e);
            }
            if (file.getFileName().toString().endsWith("-realm.json") && name == null) {
                name = root.path("realm").asText(null);
            }
            for (JsonNode user : root.path("users")) {
                if (user.hasNonNull("serviceAccountClientId")) {
                    continue; // a client's service account, not a person who logs in
                }
                String password = null;
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asText())) {
                        password = credential.path("value").asText(null);
                    }
                }
                users.add(new DevUser(user.path("username").asText(), password, texts(user.path("realmRoles")),
                        texts(user.path("groups"))));
            }
        }
        return new DevRealm(name != null ? name : DEFAULT_REALM, List.copyOf(users));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return List.copyOf(values);
    }
}
