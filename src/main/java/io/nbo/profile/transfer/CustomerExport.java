package io.nbo.profile.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.attribute.AttributeType;
import io.nbo.profile.attribute.Attributes;
import io.nbo.profile.fields.CustomerFields;
import io.nbo.profile.persistence.CustomerScan;
import io.nbo.profile.service.AttributeService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every customer as CSV or JSON lines, streamed from a database cursor: the same columns and fields an import
 * reads, so an export imported again changes nothing. CSV has one column per built-in field and per declared
 * attribute (lists comma-separated inside one quoted value); JSON lines carry the custom attributes under
 * {@code "attributes"}. CSV text cells that a spreadsheet would run as a formula are exported with a leading quote,
 * which the import takes off again ({@link CsvCells}).
 */
@ApplicationScoped
public class CustomerExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerScan scan;
    private final AttributeService attributes;

    public CustomerExport(CustomerScan scan, AttributeService attributes) {
        this.scan = scan;
        this.attributes = attributes;
    }

    public void write(OutputStream out, CustomerImports.Format format) {
        Attributes declared = attributes.current();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            List<String> header = new ArrayList<>(CustomerFields.FIELDS);
            declared.all().forEach(a -> header.add(a.name()));
            if (format == CustomerImports.Format.CSV) {
                line(w, header);
            }
            scan.each(p -> {
                try {
                    if (format == CustomerImports.Format.CSV) {
                        line(w, csv(p, declared));
                    } else {
                        w.write(JSON.writeValueAsString(json(p, declared)));
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text cells are neutralised against formula injection ({@link CsvCells}); numbers are written as they are. */
    private static List<String> csv(CustomerProfile p, Attributes declared) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : builtIn(p).entrySet()) {
            Object v = e.getValue();
            String cell = v == null ? "" : v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf)
                    .toList()) : String.valueOf(v);
            out.add(v instanceof Number ? cell : CsvCells.neutralise(cell));
        }
        for (AttributeDeclaration a : declared.all()) {
            String cell = p.attributes().getOrDefault(a.name(), "");
            out.add(a.type() == AttributeType.NUMBER ? cell : CsvCells.neutralise(cell));
        }
        return out;
    }

    private static Map<String, Object> json(CustomerProfile p, Attributes declared) {
        Map<String, Object> out = builtIn(p);
        Map<String, Object> custom = new LinkedHashMap<>();
        p.attributes().forEach((name, value) -> custom.put(name, declared.get(name).map(a -> a.type().json(value))
                .orElse(value)));
        out.put("attributes", custom);
        return out;
    }

    private static Map<String, Object> builtIn(CustomerProfile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("email", p.email());
        out.put("phone", p.phone());
        out.put("age", p.age());
        out.put("gender", p.gender());
        out.put("country", p.country());
        out.put("region", p.region());
        out.put("timeZone", p.timeZone().getId());
        out.put("consents", p.consents().stream().sorted().map(Channel::code).toList());
        out.put("segments", p.segments().stream().sorted().toList());
        out.put("tags", p.tags().stream().sorted().toList());
        out.put("lifecycleStage", p.lifecycleStage());
        out.put("engagement", p.engagement());
        out.put("recencyDays", p.recencyDays());
        out.put("frequency", p.frequency());
        out.put("monetary", p.monetary());
        out.put("topCategories", p.topCategories());
        out.put("topItems", p.topItems());
        out.put("preferredChannels", p.preferredChannels().stream().map(Channel::code).toList());
        out.put("predictedValue", p.predictedValue());
        out.put("churnRisk", p.churnRisk());
        return out;
    }

    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write('\n');
    }
}
