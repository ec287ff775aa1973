-- Injected faults (--fault): whether what a fault took away came back before its run ended, e.g. whether the jobs a
-- killed node was running all ran on another node. The faults stored before were all over when they were stored.
alter table run_faults add column recovered boolean not null default true;
