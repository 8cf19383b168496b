-- Sign-in lockout and staff sessions (issue 4).

-- Failed sign-ins per user name, whether or not an account of that name exists, so that the
-- lockout answers alike for both. Keyed by the name's pseudonym (a keyed hash), never the name:
-- people type passwords into the name field.
create table sign_in_failure (
    name_pseudonym text        primary key,
    failures       integer     not null check (failures >= 0),
    window_start   timestamptz not null,   -- the first failure that counts
    locked_until   timestamptz             -- null: not locked
);

-- Signed-in browser sessions. Only the SHA-256 of the cookie's token is stored, so a copy of this
-- table signs nobody in. A session ends with its account (cascade), and the application deletes an
-- account's sessions when its password or role changes.
create table staff_session (
    token_digest        bytea       primary key check (length(token_digest) = 32),
    username            text        not null references app_user (username) on delete cascade,
    csrf_token          text        not null,
    created_at          timestamptz not null,
    last_seen_at        timestamptz not null,
    idle_expires_at     timestamptz not null,
    absolute_expires_at timestamptz not null
);
create index staff_session_username on staff_session (username);
create index staff_session_idle_expiry on staff_session (idle_expires_at);
