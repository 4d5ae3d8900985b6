-- Issue 11: experiments (versioned definitions; each decision's arms), learned response counts, imported contact
-- history and the data science team's own scores. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- Every version of every experiment; the highest version of a key is the one in force.
create table experiment_version (
    experiment_key varchar(64)   not null,
    version        integer       not null,
    name           varchar(200)  not null,
    layer          varchar(64)   not null,
    bucket_from    integer       not null,
    bucket_to      integer       not null,
    arms           varchar(4000) not null,
    offers         varchar(4000) not null default '',
    segments       varchar(1000) not null default '',
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone,
    created_at     timestamp with time zone not null,
    created_by     varchar(100)  not null,
    primary key (experiment_key, version)
);

-- The arm each decision applied, control arms (which may get no offer) included: the exposure lift is measured on.
create table decision_experiment (
    decision_id        varchar(64) not null,
    experiment_key     varchar(64) not null,
    experiment_version integer     not null,
    arm                varchar(64) not null,
    customer_id        varchar(64) not null,
    decided_at         timestamp with time zone not null,
    primary key (decision_id, experiment_key)
);

create index decision_experiment_key_idx on decision_experiment (experiment_key, customer_id, decided_at);

-- Contacts and responses per offer, offer x segment and offer x segment x channel ('*' = all), by source: 'live'
-- (decisions and their outcomes, added in batches) and 'import' (recomputed from history_contact after an import).
create table learning_count (
    source     varchar(16) not null,
    offer_id   varchar(64) not null,
    segment    varchar(64) not null,
    channel    varchar(32) not null,
    contacts   bigint      not null,
    responses  bigint      not null,
    updated_at timestamp with time zone not null,
    primary key (source, offer_id, segment, channel)
);

-- Past contacts and responses imported from a CRM or email tool: one row per contact, deduplicated on what the
-- export says happened (so importing the same file again changes nothing).
create table history_contact (
    customer_id varchar(64) not null,
    offer_id    varchar(64) not null,
    channel     varchar(32) not null,
    occurred_at timestamp with time zone not null,
    outcome     varchar(16) not null,
    amount      numeric(12, 2),
    segment     varchar(64),
    import_id   varchar(64) not null,
    primary key (customer_id, offer_id, channel, occurred_at, outcome)
);

-- No secondary index: an import writes a million rows a minute, and the lift report's one scan of the purchases is
-- cheaper than maintaining one on every row.

-- Propensities uploaded by a data science team: they take precedence over learned ones where present.
create table own_score (
    customer_id varchar(64)      not null,
    offer_id    varchar(64)      not null,
    score       double precision not null,
    uploaded_at timestamp with time zone not null,
    primary key (customer_id, offer_id)
);
