package dev.queuebench.web;

/** A page that says what went wrong and what to do; never a stack trace. */
record ErrorView(int status, String title, String message) {
}
