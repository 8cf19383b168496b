-- The case life cycle (issue 5, docs/cases.md): one case per recorded violation without holds, its
-- history, signed review decisions, reviewer public keys, notices, the delivery outbox, payments
-- and appeals. Personal data (the keeper; appeal texts and attachments) is sealed under the
-- violation's own data key (data_key.subject = the violation's id = the case's id), so the purge
-- that shreds the violation erases the case's personal data too. There is no plate column here.

create table case_file (
    id                    uuid        primary key references violation (id),
    state                 text        not null,
    version               bigint      not null check (version >= 0),
    opened_at             timestamptz not null,
    observed_at           timestamptz not null,
    -- the tariff's terms, fixed at opening
    jurisdiction          text        not null,
    zone                  text        not null,
    outcome               text        not null,
    amount                numeric,
    currency              text,
    discounted_amount     numeric,
    discount_days         integer     not null,
    increased_amount      numeric,
    notice_within_days    integer,
    pay_within_days       integer     not null,
    escalation_after_days integer     not null,
    escalation            text        not null,
    basis                 text,
    -- review
    first_reviewer        text,       -- account:<pseudonym> whose rejection awaits a second review
    rejection_reason      text,
    rejection_note        text,
    -- notice and payments
    notice_number         text        unique,
    notice_day            date,
    paid                  numeric     not null default 0,
    refund_due            numeric     not null default 0,
    keeper                bytea,      -- sealed (Envelopes) under the violation's data key
    updated_at            timestamptz not null
);
create index case_file_by_state on case_file (state, observed_at, id);

-- Every transition: who (a pseudonym or system:<job>), when, why.
create table case_event (
    id         bigserial   primary key,
    case_id    uuid        not null references case_file (id),
    from_state text        not null,
    to_state   text        not null,
    action     text        not null,
    actor      text        not null,
    at         timestamptz not null,
    reason     text        not null,
    code       text        -- e.g. the rejection reason, for counting
);
create index case_event_by_case on case_event (case_id, id);
create index case_event_by_state on case_event (to_state, at);

-- Reviewers' Ed25519 public keys (X.509 DER); the private keys live in files under the key dir.
create table reviewer_key (
    reviewer   text        not null,
    public_key bytea       not null,
    created_at timestamptz not null,
    primary key (reviewer, public_key)
);

-- Review decisions as signed: the canonical text is rebuilt from these columns (ReviewDecision).
create table review_decision (
    id         bigserial   primary key,
    case_id    uuid        not null references case_file (id),
    stage      text        not null check (stage in ('first', 'second')),
    decision   text        not null check (decision in ('confirm', 'reject')),
    reason     text        not null,
    note       text        not null,
    reviewer   text        not null,
    at         timestamptz not null,
    evidence   text        not null,   -- SHA-256 of the evidence, hex (EvidenceDigest)
    signature  bytea       not null,
    public_key bytea       not null
);
create index review_decision_by_case on review_decision (case_id, id);
create index review_decision_by_reviewer on review_decision (reviewer, stage, at desc);

create table notice (
    number    text        primary key,   -- 12 digits + Luhn check digit; the payment reference
    case_id   uuid        not null unique references case_file (id),
    issued_on date        not null,
    issued_at timestamptz not null,
    channels  text[]      not null
);

-- The delivery outbox, visible to operators: no personal data, the letter is built when sent.
create table notice_delivery (
    id              uuid        primary key,
    case_id         uuid        not null references case_file (id),
    channel         text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index notice_delivery_due on notice_delivery (next_attempt_at) where status = 'PENDING';
create index notice_delivery_by_status on notice_delivery (status, created_at);

create table payment (
    id          bigserial   primary key,
    source      text        not null,
    source_id   text        not null,
    case_id     uuid        references case_file (id),   -- null: no notice has its reference
    reference   text        not null,
    amount      numeric     not null,
    currency    text        not null,
    paid_at     timestamptz not null,
    recorded_at timestamptz not null,
    kind        text        not null,   -- PARTIAL, SETTLED, REFUND or UNMATCHED
    refund      numeric     not null default 0,
    unique (source, source_id)
);
create index payment_by_case on payment (case_id);

create table appeal (
    id          uuid        primary key,
    case_id     uuid        not null references case_file (id),
    filed_at    timestamptz not null,
    sealed      bytea       not null,   -- text and attachments, sealed under the violation's key
    attachments integer     not null,
    status      text        not null check (status in ('FILED', 'UPHELD', 'REJECTED')),
    decided_by  text,
    decided_at  timestamptz,
    reasons     text
);
create index appeal_by_case on appeal (case_id, filed_at);
create index appeal_filed on appeal (filed_at) where status = 'FILED';
