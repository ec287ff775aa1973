/**
 * The web runner's presentation: the pages and JSON API over the use cases, and {@link dev.queuebench.web.RunJson},
 * the JSON shape of a run that {@code queue-bench show --format json} prints too. No benchmark logic lives here:
 * only requests, views and their wiring to the ports.
 */
package dev.queuebench.web;
