-- The audit log: an append-only Merkle tree (RFC 9162) of views, decisions and changes, and the
-- signed checkpoints over it. Pseudonymous references only: never a plate, a name or an address.

create table audit_entry (
    idx       bigint      primary key check (idx >= 0),  -- 0..n-1 without gaps; one writer
    at        timestamptz not null,                      -- to the millisecond
    kind      text        not null,                      -- AuditKind
    actor     text        not null,                      -- account:<keyed hash of the user name>
    role      text        not null,
    action    text        not null,                      -- e.g. camera.put
    subject   text        not null,                      -- e.g. camera:B-003, violation:<uuid>
    purpose   text        not null,
    leaf_hash bytea       not null check (length(leaf_hash) = 32)  -- SHA-256(0x00 || canonical)
);

create table audit_checkpoint (
    seq       bigint      generated always as identity primary key,
    tree_size bigint      not null check (tree_size >= 0),
    root      bytea       not null check (length(root) = 32),
    issued_at timestamptz not null,
    note      text        not null   -- the C2SP signed note, exactly as signed
);

-- Rows are only ever added: the database refuses to change or remove one.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_append_only();
