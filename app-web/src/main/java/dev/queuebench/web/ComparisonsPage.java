package dev.queuebench.web;

import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.Text;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.ListBackendsQuery;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Objects;

/**
 * Comparisons started from the page: the form ({@code GET /compare/new}), the post that starts one
 * ({@code POST /comparisons}), and its progress ({@code GET /comparisons/{id}}), which reloads itself while the core
 * drives it and leads to the comparison of its kept runs once it ended. The core drives it as {@code compare} does:
 * in its turn, each backend from clean tables with only its workers running. A comparison some of whose faults were
 * not injected (its run ended first) stays on its progress page, which says so, with the link to its runs.
 */
final class ComparisonsPage {

    private final ListBackendsQuery backends;
    private final Comparisons comparisons;
    private final JobDelay jobDelay;
    private final Views views;
    private final CsrfTokens csrf;

    ComparisonsPage(ListBackendsQuery backends, Comparisons comparisons, JobDelay jobDelay, Views views,
                    CsrfTokens csrf) {
        this.backends = Objects.requireNonNull(backends);
        this.comparisons = Objects.requireNonNull(comparisons);
        this.jobDelay = Objects.requireNonNull(jobDelay);
        this.views = Objects.requireNonNull(views);
        this.csrf = Objects.requireNonNull(csrf);
    }

    void form(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        render(ctx, HttpStatus.OK, registered, CompareForm.blank(registered), null);
    }

    void start(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        CompareForm form = CompareForm.from(ctx);
        StartedComparison started;
        try {
            ComparePlan plan = form.toPlan(registered, jobDelay);
            int kept = plan.commands().size() * plan.trials().trials();
            if (kept > HtmlReport.MAX_RUNS) {
                throw new IllegalArgumentException("a comparison on the page keeps at most " + HtmlReport.MAX_RUNS
                        + " runs to chart together, and " + plan.commands().size() + " backends with "
                        + plan.trials().trials() + " trials each keep " + kept + ": fewer trials or backends, or"
                        + " `queue-bench compare` for more");
            }
            started = comparisons.start(plan);
        } catch (IllegalArgumentException e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, form, Text.sentence(e.getMessage()));
            return;
        } catch (IllegalStateException e) {
            render(ctx, HttpStatus.SERVICE_UNAVAILABLE, registered, form, Text.sentence(e.getMessage()));
            return;
        }
        ctx.redirect("/comparisons/" + started.id(), HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        StartedComparison comparison = find(ctx.pathParam("id"));
        // a fault that was not injected is said here only: the runs keep the faults that were
        if (comparison.state() == StartedComparison.State.DONE && comparison.runsHref().isPresent()
                && !comparison.hasFaultNotes()) {
            // a run on several nodes or with a fault, started from the run form, is a comparison of one: its page
            List<RunId> kept = comparison.keptRuns();
            ctx.redirect(kept.size() == 1 ? "/runs/" + kept.get(0) : comparison.runsHref().get(), HttpStatus.SEE_OTHER);
            return;
        }
        ComparingView view = comparison.view();
        ctx.html(views.render("comparing.jte", view));
    }

    private StartedComparison find(String id) {
        if (!id.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundResponse("No comparison " + Text.abbreviate(id, 20) + ".");
        }
        return comparisons.find(Integer.parseInt(id)).orElseThrow(() -> new NotFoundResponse("No comparison " + id
                + " was started since this server started: its runs are in the list of runs."));
    }

    private void render(Context ctx, HttpStatus status, RegisteredBackends registered, CompareForm form,
                        String error) {
        List<CompareStartView.BackendChoice> choices = registered.all().stream()
                .map(backend -> new CompareStartView.BackendChoice(backend.id().value(), backend.displayName(),
                        backend.libraryVersion(), form.ticks(backend.id().value())))
                .toList();
        List<CompareStartView.StartedRow> started = comparisons.all().stream().map(comparison -> {
            ComparingView view = comparison.view();
            return new CompareStartView.StartedRow(view.id(), view.title(), view.started(), view.state(),
                    view.stateText());
        }).toList();
        ctx.status(status).html(views.render("compareStart.jte",
                new CompareStartView(csrf.tokenFor(ctx), error, choices, form, started)));
    }
}
