package io.nbo.rules.service;

/** A marketer's upload changes code (a header block, a new table file): only an admin may do that. */
public class HeaderChangeForbidden extends RuntimeException {

    public HeaderChangeForbidden(String message) {
        super(message);
    }
}
