package io.nbo.rules.service;

/** Who asks for a rule change: a marketer may change data rows; an admin may also change header blocks. */
public record Actor(String name, boolean admin) {

    /** Changes found on disk: whoever could write the folders. */
    public static final Actor FILES = new Actor("files", true);

    /** The server itself, at startup. */
    public static final Actor SYSTEM = new Actor("system", true);
}
