package io.nbo.rules.service;

/** Who asks for a rule change: a marketer may change data rows; an admin may also change header blocks. */
public record Actor(String name, boolean admin) {

    /**
     * Changes found on disk while the server runs. The decision-tables folder is the marketers' drop folder, so a
     * change there has a marketer's rights: data rows only (header blocks and new table files go through an admin's
     * upload, or a deployment, which is read at start-up).
     */
    public static final Actor FILES = new Actor("files", false);

    /** The server itself, at startup. */
    public static final Actor SYSTEM = new Actor("system", true);
}
