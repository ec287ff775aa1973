-- Queue Bench's own tables. Backends keep theirs in migrations of their own modules.

create sequence benchmark_runs_id_seq;

-- One row per run: the original harness's columns (jobs_count, created_at, updated_at, scheduling_started_at,
-- scheduling_finished_at, run_finished_at) plus the backend, the scheduling mode, the delay and scheduling progress.
create table benchmark_runs (
    id                     bigint      primary key default nextval('benchmark_runs_id_seq'),
    backend                text        not null check (backend ~ '^[a-z][a-z0-9-]{0,39}$'),
    jobs_count             integer     not null check (jobs_count between 1 and 10000000),
    scheduling_mode        text        not null check (scheduling_mode in ('one_by_one', 'in_bulk')),
    job_delay_ms           bigint      not null check (job_delay_ms between 0 and 3600000),
    scheduled_jobs         integer     not null default 0 check (scheduled_jobs between 0 and jobs_count),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    scheduling_started_at  timestamptz,
    scheduling_finished_at timestamptz check (scheduling_finished_at is null or scheduling_started_at is not null),
    run_finished_at        timestamptz check (run_finished_at is null or scheduling_started_at is not null)
);
alter sequence benchmark_runs_id_seq owned by benchmark_runs.id;

-- "Runs per backend, newest first" and "all runs, newest first", paged by (created_at, id).
create index benchmark_runs_backend_newest_idx on benchmark_runs (backend, created_at desc, id desc);
create index benchmark_runs_newest_idx on benchmark_runs (created_at desc, id desc);
-- The running-run guard's question: which runs started and have not finished?
create index benchmark_runs_unfinished_idx on benchmark_runs (id)
    where scheduling_started_at is not null and run_finished_at is null;

-- What one node recorded for one run, replaced about once a second by that node's flusher.
create table completion_snapshots (
    run_id                   bigint      not null references benchmark_runs (id) on delete cascade,
    node_id                  text        not null,
    distinct_completed       integer     not null check (distinct_completed >= 0),
    executions               bigint      not null check (executions >= distinct_completed),
    first_finished_at        timestamptz,
    last_finished_at         timestamptz,
    updated_at               timestamptz not null,
    completed_jobs           bytea       not null, -- RoaringBitmap, portable serialization
    pickup_lag               bytea       not null, -- two HdrHistograms (>= 0, < 0), microseconds
    end_to_end               bytea       not null,
    enqueue_latency          bytea       not null,
    completions_start_second bigint      not null,
    completions_per_second   integer[]   not null,
    enqueues_start_second    bigint      not null,
    enqueues_per_second      integer[]   not null,
    primary key (run_id, node_id)
);
