-- Sweeps (issue 11): one backend over a range of worker threads or offered rates, each point a run.
create table benchmark_sweeps (
    id                bigserial    primary key,
    backend           varchar(64)  not null,
    -- threads or rates
    kind              varchar(16)  not null,
    -- the values swept, as typed: 1,2,4,8 or 100,200,400
    sweep_values      varchar(512) not null,
    -- threads: the backlog drained at each point; rates: how long each rate is offered, and the latency goal
    jobs_count        integer,
    duration_ms       bigint,
    slo_ms            bigint       not null,
    scheduling_mode   varchar(16)  not null,
    job_work          varchar(32)  not null,
    payload_bytes     integer      not null,
    created_at        timestamptz  not null
);

create table benchmark_sweep_points (
    sweep_id  bigint           not null references benchmark_sweeps (id) on delete cascade,
    position  integer          not null,
    value     double precision not null,
    run_id    bigint           not null references benchmark_runs (id) on delete cascade,
    passed    boolean          not null,
    primary key (sweep_id, position)
);
