-- PostgreSQL only (the H2 dev default searches names by scanning): trigram indexes so a call-centre search by a
-- fragment of a name ("smit" in "Jo Smith") or of a phone number stays an index scan on a million customers.
-- pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

create index customer_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops);
create index customer_phone_trgm_idx on customer using gin (phone_digits gin_trgm_ops);
