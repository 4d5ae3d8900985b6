package io.nbo.funnel;

/**
 * What became of the offers made: how many times the offer was made (one per decision that returned it) and, of
 * those, how many have each outcome recorded. Outcomes are counted as recorded, once per offer made and outcome, so
 * a stage may count more than the one before it when callers report a later outcome without the earlier one
 * (a purchase with no click recorded).
 *
 * @param rejected offers the customer declined (the outcome {@code rejected}: "no thanks", "not interested")
 */
public record FunnelCounts(long offered, long sent, long delivered, long opened, long clicked, long accepted,
                           long rejected, long purchased) {

    public static final FunnelCounts NONE = new FunnelCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public FunnelCounts plus(FunnelCounts o) {
        return new FunnelCounts(offered + o.offered, sent + o.sent, delivered + o.delivered, opened + o.opened,
                clicked + o.clicked, accepted + o.accepted, rejected + o.rejected, purchased + o.purchased);
    }
}
