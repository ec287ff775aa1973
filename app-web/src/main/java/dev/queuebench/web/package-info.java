/**
 * The web runner: {@link dev.queuebench.web.WebServer} (Javalin, jte pages compiled into this package, the JSON API)
 * and {@link dev.queuebench.common.RunJson}, the JSON of a run that {@code queue-bench show} prints too.
 * Only requests, views and their wiring to the use cases: no benchmark logic, no persistence or backend classes.
 */
package dev.queuebench.web;
