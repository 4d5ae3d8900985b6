package io.nbo.cluster.proto;

import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import java.io.IOException;
import java.time.Instant;
import org.infinispan.protostream.MessageMarshaller;

/**
 * One entry of a contact history ({@code nbo.ContactEvent}): the instant as seconds and nanoseconds, so a history read
 * on another node equals the one written (the conditional replace that makes appends atomic compares them), amounts
 * as exact decimal text, enums by name.
 */
final class ContactEventMarshaller implements MessageMarshaller<ContactEvent> {

    @Override
    public String getTypeName() {
        return "nbo.ContactEvent";
    }

    @Override
    public Class<? extends ContactEvent> getJavaClass() {
        return ContactEvent.class;
    }

    @Override
    public ContactEvent readFrom(ProtoStreamReader in) throws IOException {
        String decisionId = in.readString("decisionId");
        String offerId = in.readString("offerId");
        String offerGroup = in.readString("offerGroup");
        String channel = in.readString("channel");
        String type = in.readString("type");
        Long seconds = in.readLong("atSeconds");
        Integer nanos = in.readInt("atNanos");
        String value = in.readString("value");
        return new ContactEvent(decisionId, offerId, offerGroup, Channel.valueOf(channel),
                ContactEventType.valueOf(type), Instant.ofEpochSecond(seconds, nanos == null ? 0 : nanos),
                CustomerProfileMarshaller.decimal(value));
    }

    @Override
    public void writeTo(ProtoStreamWriter out, ContactEvent e) throws IOException {
        out.writeString("decisionId", e.decisionId());
        out.writeString("offerId", e.offerId());
        out.writeString("offerGroup", e.offerGroup());
        out.writeString("channel", e.channel().name());
        out.writeString("type", e.type().name());
        out.writeLong("atSeconds", e.at().getEpochSecond());
        out.writeInt("atNanos", e.at().getNano());
        out.writeString("value", e.value() == null ? null : e.value().toString());
    }
}
