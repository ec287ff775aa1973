-- What each run ran on: name-value pairs in the order they were captured.
create table run_environment (
    run_id   bigint  not null references benchmark_runs (id) on delete cascade,
    position integer not null,
    name     text    not null,
    value    text    not null,
    primary key (run_id, name)
);

-- JVM, pools and PostgreSQL sampled about once a second while a run is scheduled and drained.
create table resource_samples (
    id                        bigint generated always as identity primary key,
    run_id                    bigint           not null references benchmark_runs (id) on delete cascade,
    sampled_at                timestamptz      not null,
    heap_used_bytes           bigint           not null,
    rss_bytes                 bigint           not null,
    process_cpu_load          double precision not null,
    gc_count                  bigint           not null,
    gc_time_ms                bigint           not null,
    live_threads              integer          not null,
    pool_names                text[]           not null,
    pool_active               integer[]        not null,
    pool_idle                 integer[]        not null,
    pool_waiting              integer[]        not null,
    transactions_committed    bigint           not null,
    tuples_inserted           bigint           not null,
    tuples_updated            bigint           not null,
    tuples_deleted            bigint           not null,
    backend_table_rows        bigint           not null,
    backend_table_bytes       bigint           not null,
    sessions_waiting_on_locks integer          not null
);
create index resource_samples_run_idx on resource_samples (run_id, sampled_at);
