package io.nbo.rules.index;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** A growable list of row positions as plain ints (a decision matches tens of rows; no boxing per row). */
final class Positions {

    private int[] items = new int[64];
    private int size;

    void add(int position) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = position;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return items[i];
    }

    /** Orders the positions by a key, highest first; keys must be distinct (saliences are). */
    void sortBy(IntUnaryOperator key) {
        long[] keyed = new long[size];
        for (int i = 0; i < size; i++) {
            keyed[i] = ((long) key.applyAsInt(items[i]) << 32) | (items[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(keyed);
        for (int i = 0; i < size; i++) {
            items[i] = (int) keyed[size - 1 - i];
        }
    }
}
