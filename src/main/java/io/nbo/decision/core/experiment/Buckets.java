package io.nbo.decision.core.experiment;

import java.nio.charset.StandardCharsets;

/**
 * Where a customer falls, 0 to {@value #COUNT}-1, for a salt (an experiment key or a layer name): a 64-bit FNV-1a hash
 * of {@code salt + ":" + customerId} in UTF-8, finished with the SplitMix64 mixer. Pure arithmetic on the two strings,
 * so every node, every restart and every version of the JVM puts a customer in the same bucket: assignment needs no
 * stored state and no coordination.
 */
public final class Buckets {

    /** Buckets per layer and per experiment: shares resolve to 0.01%. */
    public static final int COUNT = 10_000;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Buckets() {
    }

    public static int of(String salt, String customerId) {
        long h = FNV_OFFSET;
        h = mix(h, salt.getBytes(StandardCharsets.UTF_8));
        h = (h ^ ':') * FNV_PRIME;
        h = mix(h, customerId.getBytes(StandardCharsets.UTF_8));
        h = splitMix(h);
        return (int) Long.remainderUnsigned(h, COUNT);
    }

    private static long mix(long h, byte[] bytes) {
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
