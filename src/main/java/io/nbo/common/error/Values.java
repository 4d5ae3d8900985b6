package io.nbo.common.error;

/** Request and spreadsheet values shown safely in messages and logs: control characters replaced, long values cut. */
public final class Values {

    private Values() {
    }

    /** {@code 'value'} cut to 80 characters, or {@code nothing} for null. */
    public static String quote(String value) {
        return value == null ? "nothing" : "'" + clip(value, 80) + "'";
    }

    /** The value with control characters replaced by '?' and cut to {@code max} characters ("..." marks a cut). */
    public static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max - 3) + "..." : clean;
    }
}
