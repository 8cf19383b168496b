-- Vigil's first schema. Only violations are stored: a detection that breaks no rule never
-- reaches this database.

create table violation (
    id                 uuid primary key,          -- derived from type, place and events
    type               text             not null,
    camera_id          text,
    section_id         text,
    plate_text         text             not null,
    plate_country      text,
    observed_at        timestamptz      not null, -- the exit time for sections
    measured_speed_kmh double precision not null,
    limit_kmh          integer          not null,
    tolerance_kmh      integer          not null,
    event_ids          text[]           not null,
    entry_at           timestamptz,               -- sections only
    distance_m         double precision,          -- sections only
    recorded_at        timestamptz      not null default now(),
    constraint violation_place check ((camera_id is null) <> (section_id is null))
);
create index violation_by_time on violation (observed_at, id);
create index violation_by_camera on violation (camera_id, observed_at) where camera_id is not null;
create index violation_by_section on violation (section_id, observed_at) where section_id is not null;

create table camera (
    id              text primary key,
    name            text             not null,
    lanes           integer          not null,
    speed_limit_kmh integer          not null,
    tolerance_kmh   integer          not null,
    lat             double precision,
    lon             double precision,
    position        integer          not null,   -- configuration order
    updated_at      timestamptz      not null default now()
);

create table section (
    id              text primary key,
    entry_camera_id text             not null references camera (id),
    exit_camera_id  text             not null references camera (id),
    distance_m      double precision not null,
    speed_limit_kmh integer          not null,
    tolerance_kmh   integer          not null,
    position        integer          not null,
    updated_at      timestamptz      not null default now()
);

-- Ingest keys are stored as SHA-256 digests only; the key itself is shown once, when issued.
create table camera_key (
    key_sha256 bytea primary key,
    camera_id  text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create table app_user (
    username      text primary key,
    password_hash text        not null,   -- Argon2id, PHC string format
    role          text        not null,
    created_at    timestamptz not null default now()
);
