package dev.queuebench.web;

import dev.queuebench.common.Text;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure a request can meet, as a page for people or as JSON for the API ({@code /api/...},
 * {@code /health}): the status and a message that says what to do. Stack traces go to the log, never to a client.
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Views views;

    ErrorPages(Views views) {
        this.views = Objects.requireNonNull(views);
    }

    void expected(HttpResponseException e, Context ctx) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        String message = switch (status) {
            case NOT_FOUND -> e instanceof EndpointNotFound ? "There is no page at this address." : e.getMessage();
            case CONTENT_TOO_LARGE -> "The request is larger than this server accepts ("
                    + WebServer.MAX_REQUEST_BYTES / 1024 + " KB).";
            default -> e.getMessage();
        };
        respond(ctx, status, message);
    }

    void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server. The details are in its log; try again in a moment.");
    }

    private void respond(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (isApi(ctx.path())) {
            ctx.json(new ApiError(status.getCode(), Text.sentence(message)));
        } else {
            ctx.html(views.render("error.jte", new ErrorView(status.getCode(), status.getMessage(),
                    Text.sentence(message))));
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
    }

    /** The JSON body of every API error. */
    record ApiError(int status, String error) {
    }
}
