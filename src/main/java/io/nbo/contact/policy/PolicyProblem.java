package io.nbo.contact.policy;

/**
 * One thing wrong in the contact-policy table, located the way a marketer looks for it.
 *
 * @param row    1-based row (the line of the CSV file, as a spreadsheet numbers it), or null for the whole file
 * @param column the column header, or null for the whole row
 */
public record PolicyProblem(String file, Integer row, String column, String message) {

    /** "contact-policy.csv, row 7, column Window: message" */
    @Override
    public String toString() {
        return file + (row == null ? "" : ", row " + row) + (column == null ? "" : ", column " + column) + ": "
                + message;
    }
}
