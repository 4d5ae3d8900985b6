-- Who asked for each decision: the signed-in user, or key:<name> for a channel client's API key (issue 9).
-- Null for decisions logged before this was recorded.
alter table decision_log add column requested_by varchar(100);
