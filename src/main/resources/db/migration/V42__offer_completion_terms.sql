-- Issue 10: what completes an offer ("spend 10 on coffee within 7 days of receiving it"). A qualifying purchase event
-- inside the window records the 'purchased' outcome on the decision that made the offer.
create table offer_completion_terms (
    offer_id    varchar(64)    not null primary key,
    min_spend   numeric(12, 2),
    category    varchar(100),
    within_days integer        not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100)   not null
);
