-- The statements that took the database's time during a run, as pg_stat_statements normalizes them: the backend's
-- (those naming one of its tables) the most first, then the harness's own. Ranked from 1 in that order.
create table run_statements (
    run_id        bigint           not null references benchmark_runs (id) on delete cascade,
    rank          integer          not null check (rank >= 1),
    query         text             not null,
    calls         bigint           not null check (calls >= 0),
    total_ms      double precision not null check (total_ms >= 0),
    rows_returned bigint           not null check (rows_returned >= 0),
    backend       boolean          not null,
    primary key (run_id, rank)
);
