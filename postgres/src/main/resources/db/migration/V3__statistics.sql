-- Traffic statistics: per camera, lane and minute, hour and day (periods start in UTC). Only
-- aggregate counts are kept: no plate, no event id, no time of any one vehicle. Rows are written
-- by additive upsert, so a late passage adds to its period and the hour and day rows are always
-- the sums of their minutes.
--
-- speed_sum_milli_kmh: the sum of measured speeds in thousandths of a km/h (exact under addition).
-- speed_histogram:     vehicles per 1 km/h bin (speed rounded half up, 300 = 300 or more); the
--                      array's lower bound is the lowest bin used, e.g. '[87:89]={2,0,1}', and it
--                      is empty when no speed was measured.

create function traffic_histogram_add(a bigint[], b bigint[]) returns bigint[]
    language plpgsql immutable as $$
declare
    lo integer;
    hi integer;
    r  bigint[];
begin
    if a is null or cardinality(a) = 0 then
        return b;
    end if;
    if b is null or cardinality(b) = 0 then
        return a;
    end if;
    lo := least(array_lower(a, 1), array_lower(b, 1));
    hi := greatest(array_upper(a, 1), array_upper(b, 1));
    r := array_fill(0::bigint, array[hi - lo + 1], array[lo]);
    for i in array_lower(a, 1) .. array_upper(a, 1) loop
        r[i] := r[i] + a[i];
    end loop;
    for i in array_lower(b, 1) .. array_upper(b, 1) loop
        r[i] := r[i] + b[i];
    end loop;
    return r;
end
$$;

create table traffic_minute (
    camera_id           text     not null,
    lane                integer  not null,
    period_start        timestamptz not null,
    vehicles            bigint   not null,
    measured            bigint   not null,  -- vehicles with a measured speed
    speed_sum_milli_kmh bigint   not null,
    over_limit          bigint   not null,
    car                 bigint   not null,
    motorcycle          bigint   not null,
    van                 bigint   not null,
    truck               bigint   not null,
    bus                 bigint   not null,
    taxi                bigint   not null,
    other               bigint   not null,
    speed_histogram     bigint[] not null,
    primary key (camera_id, lane, period_start)
);
create index traffic_minute_by_time on traffic_minute (period_start);

create table traffic_hour (like traffic_minute including all);
create table traffic_day (like traffic_minute including all);
