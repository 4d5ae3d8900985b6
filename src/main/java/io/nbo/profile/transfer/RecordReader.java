package io.nbo.profile.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an import file one record at a time, never more than one record in memory: CSV records (RFC 4180: values
 * with commas, quotes or line breaks in double quotes, quotes doubled) or JSON lines. Each record carries the line it
 * starts on, which is what a rejected row is reported by. A record longer than {@link #MAX_RECORD} characters is
 * skipped to its end and reported as too long.
 */
final class RecordReader {

    static final int MAX_RECORD = 64 * 1024;

    /** One record: its first line, its text (JSON) or values (CSV), or why it could not be read. */
    record Record(long line, String text, List<String> values, String problem) {
    }

    private final Reader in;
    private final boolean csv;
    private long line = 1;
    private int pushed = -2;

    RecordReader(Reader in, boolean csv) {
        this.in = in;
        this.csv = csv;
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r' || c == '\uFEFF') {
                continue;
            }
            unread(c);
            return csv ? csvRecord() : jsonLine();
        }
    }

    private Record jsonLine() throws IOException {
        long start = line;
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = read()) != -1 && c != '\n') {
            if (text.length() < MAX_RECORD) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == '\n') {
            line++;
        }
        return tooLong ? new Record(start, null, null, tooLong()) : new Record(start, text.toString().strip(), null,
                null);
    }

    private Record csvRecord() throws IOException {
        long start = line;
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        String problem = null;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted && problem == null) {
                    problem = "a quoted value starting on this line is never closed (a missing \" ?)";
                }
                break;
            }
            if (++length > MAX_RECORD && problem == null) {
                problem = tooLong();
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        value.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    if (problem == null) {
                        value.append((char) c);
                    }
                }
            } else if (c == '"' && value.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                line++;
                break;
            } else if (c != '\r') {
                if (wasQuoted && problem == null) {
                    problem = "text follows a closing quote in value " + (values.size() + 1) + "; put the whole "
                            + "value in quotes and double the quotes inside it";
                }
                if (problem == null) {
                    value.append((char) c);
                }
            }
        }
        values.add(value.toString());
        return new Record(start, null, problem == null ? values : null, problem);
    }

    private static String tooLong() {
        return "the record is longer than " + MAX_RECORD + " characters";
    }

    private int read() throws IOException {
        if (pushed != -2) {
            int c = pushed;
            pushed = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushed = c;
    }
}
