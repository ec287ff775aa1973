-- The reference queue: one row per job, claimed with FOR UPDATE SKIP LOCKED and a lease, deleted once it ran.
create table qb_jobs (
    id            bigserial   primary key,
    -- 'schedule-run' or 'pretend'; a kind the worker does not know is unreadable and discarded
    kind          text        not null,
    run_id        bigint      not null,
    job_index     integer     not null,
    due_at        timestamptz not null,
    -- failed attempts so far; waiting for a run's turn is not one
    attempts      integer     not null default 0,
    -- set while a worker holds the job; a job whose lease ran out (its worker died) is claimed again
    claimed_until timestamptz,
    -- enqueueing the same job twice stores it once (ON CONFLICT DO NOTHING)
    constraint qb_jobs_identity unique (kind, run_id, job_index)
);

-- the claim's scan: due jobs, oldest first
create index qb_jobs_due on qb_jobs (due_at);
