package dev.queuebench.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' templates (src/main/jte), compiled by the build into this package so that they can read the
 * package-private view models. Each template takes one model record; the engine escapes every value it writes.
 */
final class Views {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Views.class.getClassLoader(), Views.class.getPackageName());

    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
