package io.nbo.rules.service;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.rules.compile.RuleSource;
import java.util.regex.Pattern;

/** What an upload may be: a decision table with a plain file name and a non-empty body under the size limit. */
final class Uploads {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Uploads() {
    }

    /** The upload as a source; its size and shape are the reader's to measure ({@code GridReader.measure}). */
    static RuleSource table(String name, byte[] bytes) {
        if (name == null || !TABLE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidFieldProblem("name", "a table name is a file name such as electronics.drl.csv "
                    + "(letters, digits, '.', '-', '_'), got '" + Values.clip(name, 60) + "'");
        }
        RuleSource source = new RuleSource(name, bytes == null ? new byte[0] : bytes);
        if (source.kind() != RuleSource.Kind.CSV && source.kind() != RuleSource.Kind.XLSX) {
            throw new InvalidFieldProblem("name", "only decision tables named *.drl.xlsx or *.drl.csv can be "
                    + "uploaded; DRL (rules/*.drl) is developers' code and changes through the repository");
        }
        if (source.bytes().length == 0) {
            throw new InvalidFieldProblem("body", "send the spreadsheet's bytes as the request body");
        }
        return source;
    }
}
