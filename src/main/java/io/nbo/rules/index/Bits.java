package io.nbo.rules.index;

/** Fixed-size bit sets as plain long arrays: the rows of a table a column matches. */
final class Bits {

    private Bits() {
    }

    static long[] empty(int size) {
        return new long[(size + 63) >>> 6];
    }

    static long[] all(int size) {
        long[] bits = empty(size);
        java.util.Arrays.fill(bits, -1L);
        if ((size & 63) != 0) {
            bits[bits.length - 1] = (1L << size) - 1;
        }
        return bits;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void or(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] |= other[i];
        }
    }

    /** {@code into &= (a | b)}; false when nothing is left. */
    static boolean andEither(long[] into, long[] a, long[] b) {
        long any = 0;
        for (int i = 0; i < into.length; i++) {
            into[i] &= a[i] | b[i];
            any |= into[i];
        }
        return any != 0;
    }
}
