-- Issue 10: the decision each trigger firing made, committed on its own before and after deciding (not with the event):
-- when the event's transaction fails and the client sends it again, the firing reuses that decision instead of
-- deciding (logging, counting caps) a second time. firing_key = the outbox idempotency key (event id + row).
create table trigger_firing (
    firing_key  varchar(64)   not null primary key,
    customer_id varchar(64)   not null,
    event_id    varchar(100)  not null,
    claimed_at  timestamp with time zone not null,
    decision_id varchar(64),
    status      varchar(16),
    channel     varchar(32),
    reason      varchar(2000)
);

create index trigger_firing_customer_idx on trigger_firing (customer_id);
