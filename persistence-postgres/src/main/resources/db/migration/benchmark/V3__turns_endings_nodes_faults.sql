-- Runs take turns and end with a reason; nodes hold leases; runs list the faults they rode out (issue 9).

-- When the run's scheduling job was handed to its backend. Runs that started scheduling before this column
-- existed were submitted when they were created.
alter table benchmark_runs add column submitted_at timestamptz;
update benchmark_runs set submitted_at = created_at where scheduling_started_at is not null;
alter table benchmark_runs add constraint benchmark_runs_submitted_before_started
    check (scheduling_started_at is null or submitted_at is not null);

-- The node that created the run: when it is gone, the run can never finish.
alter table benchmark_runs add column owner_node text;

-- How a run that will not finish ended: stalled, or interrupted (its node is gone, its job was never picked up).
alter table benchmark_runs add column ended_at timestamptz;
alter table benchmark_runs add column end_status text check (end_status in ('stalled', 'interrupted'));
alter table benchmark_runs add column end_reason text;
alter table benchmark_runs add constraint benchmark_runs_ending_complete
    check ((ended_at is null) = (end_status is null) and (ended_at is null) = (end_reason is null));

-- "Whose turn is it?" reads the runs that neither finished nor ended.
drop index benchmark_runs_unfinished_idx;
create index benchmark_runs_active_idx on benchmark_runs (id) where run_finished_at is null and ended_at is null;

-- Every Queue Bench process that used this database. A live node holds the session-level advisory lock
-- (classid 20802, objid = number) and touches seen_at about once a second.
create table benchmark_nodes (
    number     integer     generated always as identity primary key,
    node_id    text        not null unique,
    started_at timestamptz not null,
    seen_at    timestamptz not null,
    stopped_at timestamptz
);

-- Faults a run rode out: the database being unreachable, later the faults injected on purpose.
create table run_faults (
    id         bigint      generated always as identity primary key,
    run_id     bigint      not null references benchmark_runs (id) on delete cascade,
    kind       text        not null,
    started_at timestamptz not null,
    ended_at   timestamptz not null check (ended_at >= started_at),
    node_id    text        not null,
    detail     text        not null
);
create index run_faults_run_idx on run_faults (run_id, started_at);
