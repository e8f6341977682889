package cn.gongkai.ledger.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;

/**
 * The person (or system job) on whose behalf a command is executed: who, for which agency, with
 * which roles. It travels in the metadata of every command and, through the correlation data
 * provider, of every event the command produces.
 *
 * @param username the staff user's username, or {@code system:<job>} for a system job
 * @param agencyId the agency the actor works for; the only agency whose applications it may touch
 * @param roles    the actor's roles, possibly none
 */
public record Actor(String username, String agencyId, Set<Role> roles) {

    private static final String SYSTEM_PREFIX = "system:";

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an actor needs a username");
        }
        if (agencyId == null || agencyId.isBlank()) {
            throw new IllegalArgumentException("actor " + username + " needs an agency");
        }
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles == null ? Set.of() : roles);
        roles = Collections.unmodifiableSet(copy);
    }

    /**
     * The actor for commands that a scheduled or background job sends on behalf of an agency,
     * without a logged-in user, e.g. {@code Actor.system("deadline-watch", "kaifaqu")}.
     */
    public static Actor system(String job, String agencyId) {
        return new Actor(SYSTEM_PREFIX + job, agencyId, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this is a system job rather than a person. */
    public boolean isSystem() {
        return username.startsWith(SYSTEM_PREFIX);
    }

    /**
     * The actor recorded in a message's metadata.
     *
     * @throws NoActor if the metadata names no actor or names it incompletely
     */
    public static Actor from(MetaData metaData) {
        String username = required(metaData, ActorMetaData.USERNAME);
        String agencyId = required(metaData, ActorMetaData.AGENCY);
        Object roles = metaData.get(ActorMetaData.ROLES);
        return new Actor(username, agencyId, parseRoles(username, roles == null ? "" : roles.toString()));
    }

    /** The metadata entries that record this actor; {@link #from} reads them back. */
    public Map<String, String> toMetaData() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ActorMetaData.USERNAME, username);
        entries.put(ActorMetaData.AGENCY, agencyId);
        entries.put(ActorMetaData.ROLES, roles.stream().map(Role::name).collect(Collectors.joining(",")));
        return Collections.unmodifiableMap(entries);
    }

    private static String required(MetaData metaData, String key) {
        Object value = metaData.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new NoActor("the message's metadata has no '" + key + "', so it does not say who acted;"
                    + " send commands through the CommandGateway from an authenticated request,"
                    + " or give a system job's commands Actor.system(...).toMetaData()");
        }
        return value.toString();
    }

    private static Set<Role> parseRoles(String username, String roles) {
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        for (String name : roles.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                parsed.add(Role.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new NoActor("the metadata gives actor " + username + " the unknown role '" + trimmed + "'");
            }
        }
        return parsed;
    }
}
