package io.nbo.cluster.proto;

import java.io.UncheckedIOException;
import org.infinispan.protostream.FileDescriptorSource;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.SerializationContextInitializer;

/**
 * The ProtoStream schema of the records the clustered caches share ({@code proto/nbo-cache.proto}, hand-written so
 * its field numbers are reviewed like a migration) and one marshaller per record. Named in
 * {@code infinispan-cluster.xml} ({@code <serialization><context-initializer>}). Records kept only on the node that
 * made them (explanations, recent decisions) stay plain objects in local caches and need no schema.
 */
public final class CacheSchema implements SerializationContextInitializer {

    static final String FILE = "proto/nbo-cache.proto";

    @Override
    public String getProtoFileName() {
        return "nbo-cache.proto";
    }

    @Override
    public String getProtoFile() throws UncheckedIOException {
        return FileDescriptorSource.getResourceAsString(CacheSchema.class, "/" + FILE);
    }

    @Override
    public void registerSchema(SerializationContext context) {
        context.registerProtoFiles(FileDescriptorSource.fromString(getProtoFileName(), getProtoFile()));
    }

    @Override
    public void registerMarshallers(SerializationContext context) {
        context.registerMarshaller(new ContactEventMarshaller());
        context.registerMarshaller(new ContactHistoryMarshaller());
        context.registerMarshaller(new CustomerProfileMarshaller());
    }
}
