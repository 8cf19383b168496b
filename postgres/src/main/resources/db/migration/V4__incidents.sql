-- Incidents: a sudden fall in flow or speed at a camera against its usual level. No personal data.

create table incident (
    id                   uuid primary key,  -- deterministic from camera and start
    camera_id            text             not null,
    kind                 text             not null,  -- FLOW_DROP or SPEED_DROP
    started_at           timestamptz      not null,
    detected_at          timestamptz      not null,
    cleared_at           timestamptz,                -- null while open
    observed_flow_per_min double precision not null,
    usual_flow_per_min   double precision not null,
    observed_speed_kmh   double precision,           -- null when no speed was measured
    usual_speed_kmh      double precision,
    detail               text             not null
);
create index incident_started on incident (started_at desc, id desc);
create index incident_camera on incident (camera_id, started_at desc);
create index incident_open on incident (started_at desc) where cleared_at is null;
