package io.nbo.cluster.proto;

import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactHistory;
import java.io.IOException;
import java.util.ArrayList;
import org.infinispan.protostream.MessageMarshaller;

/** A customer's contact history in the distributed {@code contact-history} cache ({@code nbo.ContactHistory}). */
final class ContactHistoryMarshaller implements MessageMarshaller<ContactHistory> {

    @Override
    public String getTypeName() {
        return "nbo.ContactHistory";
    }

    @Override
    public Class<? extends ContactHistory> getJavaClass() {
        return ContactHistory.class;
    }

    @Override
    public ContactHistory readFrom(ProtoStreamReader in) throws IOException {
        String customerId = in.readString("customerId");
        return new ContactHistory(customerId, in.readCollection("events", new ArrayList<>(), ContactEvent.class));
    }

    @Override
    public void writeTo(ProtoStreamWriter out, ContactHistory h) throws IOException {
        out.writeString("customerId", h.customerId());
        out.writeCollection("events", h.events(), ContactEvent.class);
    }
}
