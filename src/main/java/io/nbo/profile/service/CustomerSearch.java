package io.nbo.profile.service;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerScan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The call-centre search: what the agent typed decides what it is compared with. An exact customer id always comes
 * first; then text with an {@code @} is an e-mail (matched by its start), text of digits (spaces, dashes, dots,
 * brackets and a leading + allowed) is a phone number (its digits anywhere, so the last digits a caller reads out
 * find them), anything else a fragment of the name (at least 3 characters, case-insensitive).
 */
@ApplicationScoped
public class CustomerSearch {

    private final CustomerScan scan;

    public CustomerSearch(CustomerScan scan) {
        this.scan = scan;
    }

    /** One page of results; {@code more} says whether another page has any. */
    public record Page(String matchedBy, List<CustomerProfile> customers, boolean more) {
    }

    public Page search(String q, int page, int size) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > 254 || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldProblem("q", "q is what the customer told you: an id, a part of the name (3 "
                    + "characters or more), an e-mail or a phone number, up to 254 characters");
        }
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidFieldProblem(page < 0 ? "page" : "size", "page starts at 0 and size is 1 to 100");
        }
        List<CustomerProfile> byId = page == 0 ? scan.search(CustomerScan.Key.ID, text, 0, 1) : List.of();
        CustomerScan.Key key = key(text);
        String value = key == CustomerScan.Key.PHONE ? text.replaceAll("[^0-9]", "")
                : key == CustomerScan.Key.EMAIL ? text.toLowerCase(java.util.Locale.ROOT) : text;
        if (key == CustomerScan.Key.NAME && value.length() < 3) {
            if (!byId.isEmpty()) {
                return new Page("id", byId, false);
            }
            throw new InvalidFieldProblem("q", "a name search needs at least 3 characters, got '" + value + "'");
        }
        List<CustomerProfile> found = scan.search(key, value, page, size);
        boolean more = found.size() > size;
        List<CustomerProfile> out = new ArrayList<>(byId);
        for (CustomerProfile p : more ? found.subList(0, size) : found) {
            if (byId.isEmpty() || !p.id().equals(byId.get(0).id())) {
                out.add(p);
            }
        }
        String matchedBy = key.name().toLowerCase(java.util.Locale.ROOT);
        return new Page(byId.isEmpty() ? matchedBy : "id, " + matchedBy, out, more);
    }

    static CustomerScan.Key key(String text) {
        if (text.contains("@")) {
            return CustomerScan.Key.EMAIL;
        }
        if (text.matches("\\+?[0-9 ().-]+") && text.replaceAll("[^0-9]", "").length() >= 4) {
            return CustomerScan.Key.PHONE;
        }
        return CustomerScan.Key.NAME;
    }
}
