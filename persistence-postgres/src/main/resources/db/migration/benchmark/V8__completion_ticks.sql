-- First completions and enqueued jobs per tenth of a second, per node: what steady-state rates are read from (the
-- middle of a run, its 10th to its 90th percentile of completion times). Encoded by the core as varints; empty for
-- snapshots stored before they were kept.
alter table completion_snapshots
    add column completion_ticks bytea not null default ''::bytea,
    add column enqueue_ticks    bytea not null default ''::bytea;
