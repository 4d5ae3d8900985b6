-- Issue 10: the purchase figures an import (or another profile write) gave a customer, as of that write. Events after
-- as_of add to them; events before it are stored but not counted (the figures already hold them). Portable SQL.
create table customer_baseline (
    customer_id    varchar(64)    not null primary key,
    as_of          timestamp with time zone not null,
    recency_days   integer,
    frequency      integer        not null,
    monetary       numeric(14, 2) not null,
    top_categories varchar(2000)  not null,
    top_items      varchar(2000)  not null
);
