-- What the bottleneck verdict reads, beside what was sampled already.
-- The microseconds each node's workers spent in the run's jobs, per second they spent them in: the workers'
-- occupancy. Encoded by the core as varints; empty for snapshots stored before.
alter table completion_snapshots
    add column busy_per_second bytea not null default ''::bytea;

-- The machine's cores busy (all processes: the library's, the database's), 0 to 1; -1 where unknown or sampled before.
alter table resource_samples
    add column host_cpu_load double precision not null default -1;
