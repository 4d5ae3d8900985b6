-- Issue 10: customer events and the aggregates kept current from them. Portable SQL (H2 and PostgreSQL).

-- Every acknowledged event, once (event_id is the client's idempotency key). Kept for nbo.events.retention.
create table customer_event (
    event_id    varchar(100)  not null primary key,
    customer_id varchar(64)   not null,
    event_type  varchar(32)   not null,
    occurred_at timestamp with time zone not null,
    received_at timestamp with time zone not null,
    channel     varchar(32),
    amount      numeric(12, 2),
    body        varchar(10000) not null
);

create index customer_event_customer_idx on customer_event (customer_id, occurred_at);
create index customer_event_occurred_idx on customer_event (occurred_at);

-- Aggregate state: additive counters (so the order events arrive in cannot change the result) and min/max instants.
create table customer_purchase_month (
    customer_id varchar(64)    not null,
    month_start date           not null,
    purchases   integer        not null,
    amount      numeric(14, 2) not null,
    primary key (customer_id, month_start)
);

-- kind: 'category' or 'item'
create table customer_item_stat (
    customer_id varchar(64)    not null,
    kind        varchar(16)    not null,
    name        varchar(100)   not null,
    quantity    integer        not null,
    amount      numeric(14, 2) not null,
    primary key (customer_id, kind, name)
);

-- Responses (opened, clicked) per channel: where this customer answers.
create table customer_channel_stat (
    customer_id varchar(64) not null,
    channel     varchar(32) not null,
    responses   integer     not null,
    primary key (customer_id, channel)
);

create table customer_activity (
    customer_id       varchar(64) not null primary key,
    first_purchase_at timestamp with time zone,
    last_purchase_at  timestamp with time zone,
    last_event_at     timestamp with time zone not null,
    events            integer     not null
);

-- The newest consent change per channel (last writer wins by the event's own time, so late events lose).
create table customer_consent_change (
    customer_id varchar(64) not null,
    channel     varchar(32) not null,
    granted     boolean     not null,
    changed_at  timestamp with time zone not null,
    event_id    varchar(100) not null,
    primary key (customer_id, channel)
);

-- Segments the segment rows of the live rule set assigned, with the row and its priority.
create table customer_segment (
    customer_id      varchar(64)  not null,
    segment          varchar(100) not null,
    priority         integer      not null,
    rule_name        varchar(300) not null,
    rule_set_version varchar(128) not null,
    assigned_at      timestamp with time zone not null,
    primary key (customer_id, segment)
);
