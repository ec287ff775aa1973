package dev.queuebench.web;

import dev.queuebench.common.Text;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** Why a comparison or sweep the page started ended before its end, in a sentence for its page. */
final class BackgroundFailure {

    private BackgroundFailure() {
    }

    static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return "Stopped before its end: the server was shut down.";
        }
        return Text.sentence(Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()));
    }
}
