// Keeps the status and durations of unfinished runs current without a reload: every second it asks the JSON API
// (GET /api/runs/{id}) about each element marked data-live-run whose status can still change. Text is formatted
// as the server's Text class formats it.
(() => {
    'use strict';
    const INTERVAL_MS = 1000;
    const SETTLED = new Set(['finished', 'stalled', 'interrupted']);

    const count = (n) => Number(n).toLocaleString('en-US');

    const duration = (ms) => {
        if (ms === null || ms === undefined) {
            return 'Pending';
        }
        if (Math.abs(ms) < 1000) {
            return ms + ' ms';
        }
        if (Math.abs(ms) < 120000) {
            return (ms / 1000).toFixed(2) + ' s';
        }
        return Math.trunc(ms / 60000) + ' min ' + String(Math.trunc(ms / 1000) % 60).padStart(2, '0') + ' s';
    };

    const statusText = (run) => {
        switch (run.status) {
            case 'scheduling':
                return 'scheduling ' + count(run.scheduled_jobs) + '/' + count(run.jobs_count);
            case 'running':
                return 'running ' + count(run.completed_jobs) + '/' + count(run.jobs_count);
            case 'finished':
                return run.duplicate_executions === 0
                    ? 'finished' : 'finished, ' + count(run.duplicate_executions) + ' duplicates';
            case 'stalled':
                return 'stalled at ' + count(run.completed_jobs) + '/' + count(run.jobs_count)
                    + ', ' + count(run.missing_jobs) + ' missing';
            case 'interrupted':
                return 'interrupted at ' + count(run.completed_jobs) + '/' + count(run.jobs_count)
                    + (run.end_reason ? ': ' + run.end_reason : '');
            default:
                return run.status;
        }
    };

    const show = (scope, field, text) => {
        scope.querySelectorAll('[data-field="' + field + '"]').forEach((element) => {
            element.textContent = text;
        });
    };

    const update = (scope, run) => {
        const changed = scope.dataset.status !== run.status;
        show(scope, 'status', statusText(run));
        show(scope, 'scheduling_duration', duration(run.scheduling_duration_ms));
        show(scope, 'run_duration', duration(run.run_duration_ms));
        scope.querySelectorAll('[data-field="status"]').forEach((badge) => {
            badge.className = 'status status-' + run.status;
        });
        scope.dataset.status = run.status;
        if (changed && scope.hasAttribute('data-reload-on-change')) {
            // the run page shows more than the status; reload it when the run enters a new phase
            window.location.reload();
        }
    };

    const refresh = (scope) =>
        fetch('/api/runs/' + encodeURIComponent(scope.dataset.liveRun), {
            headers: {Accept: 'application/json'},
            cache: 'no-store',
        })
            .then((response) => (response.ok ? response.json() : null))
            .then((run) => {
                if (run) {
                    update(scope, run);
                }
            })
            .catch(() => {
                // the server may be restarting: the next round tries again
            });

    const poll = () => {
        const live = [...document.querySelectorAll('[data-live-run]')]
            .filter((scope) => !SETTLED.has(scope.dataset.status));
        if (live.length === 0) {
            return;
        }
        Promise.all(live.map(refresh)).then(() => setTimeout(poll, INTERVAL_MS));
    };

    setTimeout(poll, INTERVAL_MS);
})();
