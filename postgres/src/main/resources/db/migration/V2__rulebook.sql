-- The whole rulebook: every violation type with its evidence, holds for review, the manual-read
-- queue, full site rules, and exempt vehicles.

alter table violation
    add column vehicle_class     text,
    add column lane              integer,
    add column confidence        double precision,
    add column signal_state      text,
    add column red_elapsed_ms    bigint,
    add column direction         text,
    add column detail            text,
    add column holds             jsonb   not null default '[]',  -- [{"kind":..., "reason":...}]
    add column held              boolean not null default false,
    add column needs_manual_read boolean not null default false,
    add column manual_read_by    text,
    add column manual_read_at    timestamptz,
    -- the fine under the tariff in force at observed_at (first offence; repeats are the case's)
    add column retained_speed_kmh double precision,
    add column fine_outcome       text,
    add column fine_amount        numeric,
    add column fine_currency      text,
    add column fine_discounted    numeric,
    add column fine_discount_days integer,
    add column fine_basis         text,
    add column fine_explanation   text;
create index violation_manual_reads on violation (observed_at, id) where needs_manual_read;
create index violation_held on violation (observed_at, id) where held;

-- The full configuration of each camera and section as the sites file writes it; the columns
-- above stay for reading by hand.
alter table camera add column config jsonb;
alter table section add column config jsonb;

-- Vehicles exempt from enforcement. Only the registered plate and the period are kept: never
-- where or when the vehicle was seen.
create table exemption (
    id           uuid primary key,
    plate_text   text        not null,
    label        text        not null,
    valid_from   timestamptz not null,
    valid_until  timestamptz not null,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    constraint exemption_period check (valid_until > valid_from)
);
create index exemption_by_plate on exemption (plate_text);
