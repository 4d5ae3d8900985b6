-- Offers and customer profiles: the system of record. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

create table offer (
    id              varchar(64)    not null primary key,
    name            varchar(200)   not null,
    description     varchar(2000),
    category        varchar(64),
    kind            varchar(32)    not null,
    business_value  numeric(12, 2) not null default 0,
    channels        varchar(200)   not null,
    valid_from      date,
    valid_to        date,
    window_start    time,
    window_end      time,
    offer_group     varchar(64),
    priority        double precision not null default 1.0,
    active          boolean        not null default true,
    version         integer        not null default 0,
    updated_at      timestamp with time zone not null
);

create table customer (
    id                 varchar(64)    not null primary key,
    age                integer,
    gender             varchar(16),
    country            varchar(2),
    region             varchar(64),
    time_zone          varchar(64)    not null,
    consents           varchar(200)   not null default '',
    segments           varchar(1000)  not null default '',
    tags               varchar(1000)  not null default '',
    lifecycle_stage    varchar(32)    not null,
    engagement         varchar(16)    not null,
    recency_days       integer,
    frequency          integer        not null default 0,
    monetary           numeric(12, 2) not null default 0,
    top_categories     varchar(1000)  not null default '',
    top_items          varchar(1000)  not null default '',
    preferred_channels varchar(200)   not null default '',
    predicted_value    numeric(12, 2) not null default 0,
    churn_risk         double precision not null default 0,
    version            integer        not null default 0,
    updated_at         timestamp with time zone not null
);

create index customer_lifecycle_idx on customer (lifecycle_stage);
