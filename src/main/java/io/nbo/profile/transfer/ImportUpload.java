package io.nbo.profile.transfer;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.fields.CustomerFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * An import's upload on disk: spooled to a temporary file as it arrives (never held in memory, never larger than
 * allowed), its CSV header checked before a job is queued, read back as UTF-8, deleted when the job ends.
 */
final class ImportUpload {

    private static final Logger LOG = Logger.getLogger(ImportUpload.class);

    private ImportUpload() {
    }

    static Path spool(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("customer-import-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for the upload's temporary file", e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (in != null && (n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidFieldProblem("body", "the file is larger than " + maxBytes + " bytes "
                            + "(nbo.customers.import-max-bytes); split it and import the parts (order does not matter)");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new InvalidFieldProblem("body", "the file is empty; send CSV with a header line or JSON lines");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new InvalidFieldProblem("body", "the upload broke off before its end; send it again");
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static void checkHeader(Path file, CustomerFields fields, CustomerFields.Unknown unknown) {
        try (BufferedReader in = utf8(file)) {
            RecordReader.Record header = new RecordReader(in, true).next();
            if (header != null && header.values() != null && String.join(",", header.values()).indexOf('\uFFFD') >= 0) {
                throw new InvalidFieldProblem("body", "the file is not UTF-8 text (its first line has bytes that are "
                        + "not); save it as CSV UTF-8 or send JSON lines");
            }
            if (header == null || header.values() == null) {
                throw new InvalidFieldProblem("header", "the first line must name the columns, e.g. id,name,email,"
                        + "age,income");
            }
            List<String> names = header.values().stream().map(String::strip).toList();
            if (!names.contains("id")) {
                throw new InvalidFieldProblem("header", "the header has no 'id' column; every row needs the "
                        + "customer's id");
            }
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    throw new InvalidFieldProblem("header", "the column " + Values.quote(name) + " is named twice");
                }
            }
            List<String> unknownColumns = fields.unknownOf(names);
            if (!unknownColumns.isEmpty() && unknown == CustomerFields.Unknown.REFUSE) {
                throw fields.unknownProblem(unknownColumns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as UTF-8 text, bytes that are not UTF-8 read as U+FFFD (the record holding them is then refused). */
    static BufferedReader utf8(Path file) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 64 * 1024);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete the import's temporary file %s", file.getFileName());
        }
    }
}
