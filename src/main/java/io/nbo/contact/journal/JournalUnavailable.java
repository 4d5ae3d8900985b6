package io.nbo.contact.journal;

/** A record could not be made durable (disk full, I/O error, a write that took longer than the commit timeout). */
public class JournalUnavailable extends RuntimeException {

    public JournalUnavailable(String message) {
        super(message);
    }
}
