package io.nbo.profile.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import's record reader: RFC 4180 CSV and JSON lines, each record with the line it starts on. */
class RecordReaderTest {

    @Test
    void csvRecordsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        List<RecordReader.Record> records = read(String.join("\n", "id,name", "C1,\"Smith, \"\"Jo\"\"\"", "",
                "C2,\"two", "lines\"", "C3,plain\r", ""), true);

        assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 2L, 4L, 6L);
        assertThat(records.get(1).values()).containsExactly("C1", "Smith, \"Jo\"");
        assertThat(records.get(2).values()).containsExactly("C2", "two\nlines");
        assertThat(records.get(3).values()).containsExactly("C3", "plain");
    }

    @Test
    void aBrokenCsvRecordIsReportedAndTheNextOneReadFromItsOwnLine() throws IOException {
        List<RecordReader.Record> records = read("C1,\"ab\"cd\nC2,ok\nC3,\"never closed\n", true);

        assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).problem()).isEqualTo("text follows a closing quote in value 2; put the whole value "
                + "in quotes and double the quotes inside it");
        assertThat(records.get(1).values()).containsExactly("C2", "ok");
        assertThat(records.get(2).problem()).isEqualTo("a quoted value starting on this line is never closed "
                + "(a missing \" ?)");
    }

    @Test
    void jsonLinesAreReadOneALineAndAnOverlongOneIsCutOff() throws IOException {
        String longLine = "{\"id\": \"" + "x".repeat(RecordReader.MAX_RECORD) + "\"}";
        List<RecordReader.Record> records = read("\uFEFF{\"id\": \"C1\"}\n\n" + longLine + "\n{\"id\": \"C2\"}", false);

        assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 3L, 4L);
        assertThat(records.get(0).text()).isEqualTo("{\"id\": \"C1\"}");
        assertThat(records.get(1).problem()).isEqualTo("the record is longer than 65536 characters");
        assertThat(records.get(2).text()).isEqualTo("{\"id\": \"C2\"}");
    }

    private static List<RecordReader.Record> read(String text, boolean csv) throws IOException {
        RecordReader reader = new RecordReader(new StringReader(text), csv);
        List<RecordReader.Record> out = new ArrayList<>();
        RecordReader.Record r;
        while ((r = reader.next()) != null) {
            out.add(r);
        }
        return out;
    }
}
