-- Workloads (issue 11): what a run offers the backend, and what each job does.
alter table benchmark_runs
    -- delayed (the seed's), backlog or rate
    add column workload varchar(16) not null default 'delayed',
    -- the rate workload's offer: jobs per second for a duration (jobs_count = rate x duration)
    add column offered_rate double precision,
    add column offered_duration_ms bigint,
    -- none, sleep:DURATION or cpu:DURATION, and the payload each job carries
    add column job_work varchar(32) not null default 'none',
    add column payload_bytes integer not null default 0,
    -- when the runner started the backend's workers: at submission, or once a backlog is enqueued
    add column workers_started_at timestamptz;

alter table benchmark_runs
    add constraint benchmark_runs_rate_offer
        check ((workload = 'rate') = (offered_rate is not null and offered_duration_ms is not null));
