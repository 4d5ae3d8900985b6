package io.nbo.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marketers' folder holds spreadsheets only; DRL comes from the developers' folder; every file has a limit. */
class RuleSourceLoaderTest {

    @TempDir
    Path root;

    @Test
    void drlAndOtherFilesAmongTheTablesAreRefusedAndSpreadsheetsAmongTheDrlToo() throws Exception {
        Path tables = Files.createDirectories(root.resolve("decision-tables"));
        Path drl = Files.createDirectories(root.resolve("rules"));
        Files.writeString(tables.resolve("ok.drl.csv"), "RuleTable X\n");
        Files.writeString(tables.resolve("evil.drl"), "rule \"x\" when then System.exit(1); end");
        Files.writeString(tables.resolve("notes.txt"), "hello");
        Files.writeString(tables.resolve("big.drl.csv"), "x".repeat(101));
        Files.writeString(tables.resolve(".~lock.ok.drl.csv#"), "lock");
        Files.writeString(tables.resolve("~$ok.drl.xlsx"), "owner file");
        Files.createDirectories(tables.resolve("policy"));
        Files.writeString(drl.resolve("guards.drl"), "package x");
        Files.writeString(drl.resolve("table.drl.csv"), "RuleTable X\n");

        RuleSourceLoader.Loaded loaded = new RuleSourceLoader().load(tables, drl, 100);

        assertThat(loaded.sources()).extracting(RuleSource::name).containsExactly("ok.drl.csv", "guards.drl");
        assertThat(loaded.refused()).extracting(RuleProblem::toString).containsExactly(
                "big.drl.csv: is 101 bytes; a rule file may be at most 100 bytes",
                "evil.drl: is DRL, which is developers' code: the decision-tables folder holds spreadsheets only "
                        + "(*.drl.xlsx, *.drl.csv); DRL belongs in the rules folder and is deployed with the server",
                "notes.txt: is not a rule file: the decision-tables folder holds decision tables named *.drl.xlsx or "
                        + "*.drl.csv only (Drools would silently ignore this file); rename it or move it out",
                "table.drl.csv: is a spreadsheet in the rules folder; decision tables belong in the decision-tables "
                        + "folder");
    }
}
