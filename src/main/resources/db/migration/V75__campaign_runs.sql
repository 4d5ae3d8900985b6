-- Issue 13: batch campaign runs. A run, its progress per partition (the checkpoint: the last customer done, in id
-- order), the customer ids of a list audience, and the send list. The decisions themselves go to decision_log and
-- decision_offer like real-time ones (ids derived from run id and customer id, so a replayed page writes nothing twice).

create table campaign_run (
    id                varchar(36)   not null primary key,
    status            varchar(16)   not null,
    audience_kind     varchar(16)   not null,
    audience_segment  varchar(100),
    channels          varchar(200)  not null,
    offers            text          not null,
    send_date         date          not null,
    max_offers        integer       not null,
    dry_run           boolean       not null,
    requested_by      varchar(100)  not null,
    created_at        timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    customers_total   bigint,
    sample_size       integer,
    pricing           text,
    owner             varchar(100),
    heartbeat_at      timestamp with time zone,
    cancel_requested  boolean       not null default false,
    failure           varchar(1000)
);

create index campaign_run_status_idx on campaign_run (status, heartbeat_at);

-- One row per partition of the audience the run is split into (one per node on a cluster, one on a single node).
create table campaign_partition (
    run_id            varchar(36)   not null references campaign_run (id),
    partition_key     varchar(100)  not null,
    last_customer_id  varchar(64),
    customers_done    bigint        not null default 0,
    customers_reached bigint        not null default 0,
    expected_value    double precision not null default 0,
    dual_terms        double precision not null default 0,
    updated_at        timestamp with time zone not null,
    primary key (run_id, partition_key)
);

-- The customer ids of a run whose audience is a list.
create table campaign_audience (
    run_id      varchar(36) not null references campaign_run (id),
    customer_id varchar(64) not null,
    primary key (run_id, customer_id)
);

-- The send list: what goes to whom, on which channel, when (an instant; the customer's zone kept to show local time).
create table campaign_send (
    run_id         varchar(36)  not null references campaign_run (id),
    customer_id    varchar(64)  not null,
    offer_id       varchar(64)  not null,
    channel        varchar(32)  not null,
    decision_id    varchar(64),
    send_at        timestamp with time zone not null,
    time_zone      varchar(64)  not null,
    expected_value double precision not null,
    primary key (run_id, customer_id, offer_id)
);

create index campaign_send_channel_idx on campaign_send (run_id, channel, customer_id);
