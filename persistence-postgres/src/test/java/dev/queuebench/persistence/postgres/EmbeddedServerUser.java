package dev.queuebench.persistence.postgres;

import java.nio.file.Path;

/**
 * Another process that uses the embedded server of a home, for {@link EmbeddedPostgresServerTest}: starts or joins it,
 * says so on stdout, and closes it when its stdin closes.
 */
final class EmbeddedServerUser {

    static final String USING = "using";

    private EmbeddedServerUser() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(Path.of(args[0]))) {
            System.out.println(USING + " " + (server.ownsServer() ? "started" : "joined"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes this process's stdin
            }
        }
    }
}
