package dev.queuebench.common;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Writes an {@link HtmlReport} as one HTML file: inline CSS and SVG, no script, font or image from anywhere, readable
 * offline and printable. The web runner, which draws the pages, provides it; the CLI finds it on the classpath, so
 * that neither runner depends on the other.
 */
public interface HtmlReportRenderer {

    String render(HtmlReport report);

    /** The renderer on the classpath; empty where the web runner is not (an embedding without it). */
    static Optional<HtmlReportRenderer> find() {
        return ServiceLoader.load(HtmlReportRenderer.class).findFirst();
    }
}
