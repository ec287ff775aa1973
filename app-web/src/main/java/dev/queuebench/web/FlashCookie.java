package dev.queuebench.web;

import dev.queuebench.domain.RunId;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * The "run started" message that survives the redirect after a POST. The cookie carries only the run's id: the
 * message is written from the stored run when the next page shows it, so nothing a client puts in the cookie can
 * reach the page as text.
 */
final class FlashCookie {

    static final String NAME = "qb_flash";

    private static final int MAX_AGE_SECONDS = 60;

    private FlashCookie() {
    }

    static void startedRun(Context ctx, RunId run) {
        ctx.cookie(cookie(run.toString(), MAX_AGE_SECONDS));
    }

    /** The run named by the flash, once: the cookie is cleared as it is read. */
    static Optional<RunId> take(Context ctx) {
        String value = ctx.cookie(NAME);
        if (value == null) {
            return Optional.empty();
        }
        ctx.cookie(cookie("", 0));
        try {
            return Optional.of(RunId.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cookie cookie(String value, int maxAge) {
        return new Cookie(NAME, value, "/", maxAge, false, true, null, SameSite.LAX);
    }
}
