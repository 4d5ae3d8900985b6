package io.nbo.cluster.proto;

import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infinispan.protostream.MessageMarshaller;

/**
 * How a {@link CustomerProfile} travels between nodes and sits in the distributed {@code profiles} cache, as message
 * {@code nbo.CustomerProfile} of {@code proto/nbo-cache.proto}: the ONE place that maps the record. A component added
 * to the record is a field here (read and write) and a numbered line in the schema; {@code ProtoRoundTripTest} fails
 * until both are there.
 */
final class CustomerProfileMarshaller implements MessageMarshaller<CustomerProfile> {

    @Override
    public String getTypeName() {
        return "nbo.CustomerProfile";
    }

    @Override
    public Class<? extends CustomerProfile> getJavaClass() {
        return CustomerProfile.class;
    }

    @Override
    public CustomerProfile readFrom(ProtoStreamReader in) throws IOException {
        String id = in.readString("id");
        boolean known = Boolean.TRUE.equals(in.readBoolean("known"));
        Integer age = in.readInt("age");
        String gender = in.readString("gender");
        String country = in.readString("country");
        String region = in.readString("region");
        String timeZone = in.readString("timeZone");
        List<String> consents = in.readCollection("consents", new ArrayList<>(), String.class);
        List<String> segments = in.readCollection("segments", new ArrayList<>(), String.class);
        List<String> tags = in.readCollection("tags", new ArrayList<>(), String.class);
        String lifecycleStage = in.readString("lifecycleStage");
        String engagement = in.readString("engagement");
        Integer recencyDays = in.readInt("recencyDays");
        Integer frequency = in.readInt("frequency");
        String monetary = in.readString("monetary");
        List<String> topCategories = in.readCollection("topCategories", new ArrayList<>(), String.class);
        List<String> topItems = in.readCollection("topItems", new ArrayList<>(), String.class);
        List<String> preferred = in.readCollection("preferredChannels", new ArrayList<>(), String.class);
        String predictedValue = in.readString("predictedValue");
        Double churnRisk = in.readDouble("churnRisk");
        String name = in.readString("name");
        String email = in.readString("email");
        String phone = in.readString("phone");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : in.readCollection("attributes", new ArrayList<>(), String.class)) {
            int eq = pair.indexOf('=');
            attributes.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new CustomerProfile(id, known, age, gender, country, region,
                timeZone == null ? null : ZoneId.of(timeZone), channels(new HashSet<>(), consents),
                new HashSet<>(segments), new HashSet<>(tags), lifecycleStage, engagement, recencyDays,
                frequency == null ? 0 : frequency, decimal(monetary), topCategories, topItems,
                channels(new ArrayList<>(), preferred), decimal(predictedValue), churnRisk == null ? 0 : churnRisk,
                name, email, phone, attributes);
    }

    @Override
    public void writeTo(ProtoStreamWriter out, CustomerProfile p) throws IOException {
        out.writeString("id", p.id());
        out.writeBoolean("known", p.known());
        out.writeInt("age", p.age());
        out.writeString("gender", p.gender());
        out.writeString("country", p.country());
        out.writeString("region", p.region());
        out.writeString("timeZone", p.timeZone().getId());
        out.writeCollection("consents", p.consents().stream().map(Channel::name).sorted().toList(), String.class);
        out.writeCollection("segments", p.segments().stream().sorted().toList(), String.class);
        out.writeCollection("tags", p.tags().stream().sorted().toList(), String.class);
        out.writeString("lifecycleStage", p.lifecycleStage());
        out.writeString("engagement", p.engagement());
        out.writeInt("recencyDays", p.recencyDays());
        out.writeInt("frequency", p.frequency());
        out.writeString("monetary", p.monetary().toString());
        out.writeCollection("topCategories", p.topCategories(), String.class);
        out.writeCollection("topItems", p.topItems(), String.class);
        out.writeCollection("preferredChannels", p.preferredChannels().stream().map(Channel::name).toList(),
                String.class);
        out.writeString("predictedValue", p.predictedValue().toString());
        out.writeDouble("churnRisk", p.churnRisk());
        out.writeString("name", p.name());
        out.writeString("email", p.email());
        out.writeString("phone", p.phone());
        out.writeCollection("attributes", p.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList(), String.class);
    }

    private static <C extends Collection<Channel>> C channels(C into, List<String> names) {
        names.forEach(n -> into.add(Channel.valueOf(n)));
        return into;
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
