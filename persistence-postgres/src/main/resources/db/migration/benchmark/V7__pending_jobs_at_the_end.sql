-- How many jobs the backend still held when a run ended unfinished: the missing jobs that were pending then, as
-- opposed to those the backend lost (they never ran and it no longer holds them).
alter table benchmark_runs add column pending_jobs integer check (pending_jobs >= 0);
