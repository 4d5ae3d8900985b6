package io.nbo.campaign.run.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.campaign.run.persistence.RunReports;
import io.nbo.offer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Writes a send list as it is read from the database: nothing but one fetch of rows is held in memory. */
@ApplicationScoped
public class SendListExport {

    private static final Logger LOG = Logger.getLogger(SendListExport.class);

    static final String HEADER = "customerId,offerId,channel,sendAt,localSendTime,timeZone,decisionId";

    private final RunReports reports;
    private final ObjectMapper json;

    public SendListExport(RunReports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    StreamingOutput stream(String runId, Channel channel, boolean csv, String by) {
        return out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                w.write(HEADER);
                w.write('\n');
            }
            long rows;
            try {
                rows = reports.sendList(runId, channel, row -> write(w, row, csv));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
            LOG.infof("Send list exported: run %s, channel %s, %d rows, by %s", runId, channel.code(), rows, by);
        };
    }

    private void write(BufferedWriter w, RunReports.SendRow row, boolean csv) {
        String local = ZonedDateTime.ofInstant(row.sendAt(), row.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        try {
            if (csv) {
                w.write(String.join(",", cell(row.customerId()), cell(row.offerId()), row.channel().code(),
                        row.sendAt().toString(), local, row.zone().getId(),
                        row.decisionId() == null ? "" : row.decisionId()));
            } else {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("customerId", row.customerId());
                line.put("offerId", row.offerId());
                line.put("channel", row.channel().code());
                line.put("sendAt", row.sendAt().toString());
                line.put("localSendTime", local);
                line.put("timeZone", row.zone().getId());
                line.put("decisionId", row.decisionId());
                w.write(json.writeValueAsString(line));
            }
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break (RFC 4180). */
    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
