package io.nbo.offer;

import java.time.Instant;

/** When and by whom an offer was retired: it no longer serves, and stays for history and reporting. */
public record Retirement(Instant at, String by) {
}
