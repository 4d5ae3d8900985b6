package io.nbo.rules.workbook;

import java.util.Map;

/**
 * One example from a workbook's Tests block: a customer and a context, and the offers the rules must (and must not)
 * make eligible for them.
 *
 * @param row    1-based row of the example
 * @param inputs column header (normalised: lower case, no spaces) to cell text
 */
public record WorkbookTest(String file, String sheet, int row, String name, Map<String, String> inputs) {

    public WorkbookTest {
        inputs = Map.copyOf(inputs);
    }

    public String location() {
        return file + ", sheet '" + sheet + "', row " + row;
    }
}
