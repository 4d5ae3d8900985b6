package io.nbo.decision.service;

import java.util.random.RandomGenerator;

/** A seeded generator several request threads may share: one reproducible sequence of draws (tests only). */
final class SynchronizedRandom implements RandomGenerator {

    private final RandomGenerator inner;

    SynchronizedRandom(RandomGenerator inner) {
        this.inner = inner;
    }

    @Override
    public synchronized long nextLong() {
        return inner.nextLong();
    }

    @Override
    public synchronized double nextDouble() {
        return inner.nextDouble();
    }

    @Override
    public synchronized double nextGaussian() {
        return inner.nextGaussian();
    }
}
