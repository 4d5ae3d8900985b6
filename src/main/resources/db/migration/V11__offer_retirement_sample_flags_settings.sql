-- Issue 9: offers are retired, never deleted (history, outcomes, volume counters and stored rule-set versions keep
-- naming them); rows the sample loader wrote are flagged so they can be removed without touching real ones; and
-- settings marketers change at run time (the fallback offer) live in the database.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL.

alter table offer add column retired_at timestamp with time zone;
alter table offer add column retired_by varchar(100);
alter table offer add column sample boolean default false not null;
alter table customer add column sample boolean default false not null;

create table nbo_setting (
    name          varchar(100)  not null primary key,
    setting_value varchar(1000),
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100)  not null
);
