package io.nbo.offer;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable set of channels held as a bit mask, one shared instance per combination (there are 2^8). An offer's
 * channels, a customer's consents and the channels the contact policy leaves open are such sets: the decision core
 * asks them for membership on every candidate of every decision, which is then one bit test, copying one costs
 * nothing, and they iterate in the channels' natural order (so answers do not depend on hash order). Immutable:
 * {@link AbstractSet}'s mutators throw {@link UnsupportedOperationException}.
 */
public final class ChannelSet extends AbstractSet<Channel> implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Channel[] CHANNELS = Channel.values();
    private static final ChannelSet[] SHARED = new ChannelSet[1 << CHANNELS.length];

    static {
        for (int mask = 0; mask < SHARED.length; mask++) {
            SHARED[mask] = new ChannelSet(mask);
        }
    }

    private final int mask;

    private ChannelSet(int mask) {
        this.mask = mask;
    }

    /** The shared set holding exactly these channels; a {@code ChannelSet} is returned as it is. */
    public static ChannelSet copyOf(Collection<Channel> channels) {
        if (channels instanceof ChannelSet set) {
            return set;
        }
        int mask = 0;
        for (Channel channel : channels) {
            mask |= bit(channel);
        }
        return SHARED[mask];
    }

    /** The shared set for a mask of {@link #bit(Channel)}s. */
    public static ChannelSet of(int mask) {
        return SHARED[mask];
    }

    public static ChannelSet none() {
        return SHARED[0];
    }

    /** The channel's bit in a mask. */
    public static int bit(Channel channel) {
        return 1 << channel.ordinal();
    }

    /** This set as a mask of {@link #bit(Channel)}s. */
    public int mask() {
        return mask;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Channel channel && (mask & bit(channel)) != 0;
    }

    @Override
    public int size() {
        return Integer.bitCount(mask);
    }

    @Override
    public boolean isEmpty() {
        return mask == 0;
    }

    @Override
    public Iterator<Channel> iterator() {
        return new Iterator<>() {
            private int left = mask;

            @Override
            public boolean hasNext() {
                return left != 0;
            }

            @Override
            public Channel next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                int ordinal = Integer.numberOfTrailingZeros(left);
                left &= left - 1;
                return CHANNELS[ordinal];
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelSet other ? other.mask == mask : super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Serial
    private Object readResolve() {
        return SHARED[mask];
    }
}
