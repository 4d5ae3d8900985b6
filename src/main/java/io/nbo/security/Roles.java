package io.nbo.security;

/**
 * The roles every endpoint is checked against (docs/security.md has the table of who may do what). Users get theirs
 * from the identity store (the embedded users in application.properties: an admin holds every role); an API key is
 * always and only a {@link #CHANNEL}.
 */
public final class Roles {

    /** Contact-centre and store staff: read a customer and their history, decide, record outcomes. */
    public static final String AGENT = "agent";

    /** Marketers: offers, decision tables, the contact policy, the fallback offer; read a customer and history. */
    public static final String MARKETER = "marketer";

    /** Administrators: table headers, customer data loads, erasure, sample data; they hold every other role too. */
    public static final String ADMIN = "admin";

    /** A channel client (website, app, contact-centre platform) calling with an API key: decide, record outcomes. */
    public static final String CHANNEL = "channel";

    private Roles() {
    }
}
