-- the payload a run's jobs carry (--payload), as the job row stores it; null for none
alter table qb_jobs add column payload text;
