-- The CPU behind the verdict, beside the machine's: the share of all cores the PostgreSQL server's processes used
-- since the previous sample (a server on this machine; -1 elsewhere, or sampled before), and each core's share busy
-- (empty where unknown, or sampled before).
alter table resource_samples
    add column server_cpu_load double precision   not null default -1,
    add column core_loads      double precision[] not null default '{}';
