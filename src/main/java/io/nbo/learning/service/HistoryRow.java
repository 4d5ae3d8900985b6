package io.nbo.learning.service;

import java.math.BigDecimal;
import java.time.Instant;

/** One past contact as imported: who, which offer, on which channel, when, what came of it, and a purchase amount. */
public record HistoryRow(long line, String customerId, String offerId, String channel, Instant occurredAt,
                         String outcome, BigDecimal amount, String segment) {
}
