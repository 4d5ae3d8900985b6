package io.nbo.rules.compile;

import java.util.Locale;

/** One rule file's bytes: a decision table ({@code *.drl.xlsx}, {@code *.drl.xls}, {@code *.drl.csv}) or DRL. */
public record RuleSource(String name, byte[] bytes) {

    public enum Kind { XLSX, CSV, DRL, UNSUPPORTED }

    public Kind kind() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls")) {
            return Kind.XLSX;
        }
        if (lower.endsWith(".drl.csv")) {
            return Kind.CSV;
        }
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        return Kind.UNSUPPORTED;
    }
}
