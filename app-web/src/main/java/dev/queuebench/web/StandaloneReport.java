package dev.queuebench.web;

import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.HtmlReportRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the self-contained HTML report ({@code show --format html}, {@code report}, {@code compare --format html},
 * the comparison page's download): the runs side by side, then each run's sections as its page shows them; the
 * stylesheet inlined, no script. Found by the CLI through {@link HtmlReportRenderer#find()}.
 */
public final class StandaloneReport implements HtmlReportRenderer {

    private final Views views = new Views();

    @Override
    public String render(HtmlReport report) {
        return views.render("report.jte", ComparisonView.of(report, true, stylesheet(), null));
    }

    private static String stylesheet() {
        try (InputStream css = StandaloneReport.class.getResourceAsStream("/public/style.css")) {
            if (css == null) {
                throw new IllegalStateException("the stylesheet /public/style.css is missing from the classpath");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
