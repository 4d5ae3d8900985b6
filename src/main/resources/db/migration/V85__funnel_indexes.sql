-- The offer funnel (GET /api/offers/{id}/funnel, GET /api/offers/funnel) reads the decision log by time and one
-- offer's decisions; without these it would scan the whole log. Outcomes are found through their unique key
-- (decision_id, offer_id, outcome), which V2 already indexes.
create index decision_log_decided_idx on decision_log (decided_at);
create index decision_offer_offer_idx on decision_offer (offer_id, decision_id);
