package io.nbo.common.error;

/** Request values quoted safely for messages and logs: control characters replaced, long values cut. */
public final class Values {

    private Values() {
    }

    /** {@code 'value'}, or {@code nothing} for null. */
    public static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return "'" + (clean.length() > 80 ? clean.substring(0, 77) + "..." : clean) + "'";
    }
}
