-- Retention and crypto-shredding (docs/retention.md). A violation's personal data (plate text and
-- country, event ids, who read the plate by hand) is no longer stored in clear: it is sealed into
-- violation.personal under a data key of its own, and that key is stored only wrapped, in
-- data_key, under a key-encryption key that lives outside this database (one per retention class
-- and expiry day, or per legal hold). Destroying a key-encryption key shreds every row wrapped
-- under it, in this database and in every dump or backup of it.

alter table violation
    alter column plate_text drop not null,
    alter column event_ids drop not null,
    add column personal    bytea,        -- 0x01 || nonce || AES-256-GCM(personal data); null once shredded
    add column shredded_at timestamptz;  -- when the purge erased the personal data

create table data_key (
    subject         uuid        primary key,  -- the violation (later: the case) the key seals
    kek             text        not null,     -- CASE/2027-11-02, or hold/<uuid> while held
    wrapped         bytea       not null,     -- the data key, AES key wrap (RFC 3394) under kek
    retention_class text        not null,
    expires_on      date        not null,     -- the retention expiry day, kept while held
    created_at      timestamptz not null default now()
);
create index data_key_by_kek on data_key (kek);

create table legal_hold (
    id          uuid        primary key,
    subject     uuid        not null,
    reason      text        not null check (length(reason) between 1 and 200),
    placed_by   text        not null,
    placed_at   timestamptz not null,
    released_by text,
    released_at timestamptz
);
create unique index legal_hold_one_per_subject on legal_hold (subject) where released_at is null;

-- What every purge erased: one row per destroyed key or purged table, with the count.
create table retention_purge (
    id        bigserial   primary key,
    target    text        not null,   -- key:CASE-2027-11-02 or table:traffic_minute
    records   bigint      not null,
    purged_at timestamptz not null
);
