package dev.queuebench.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL server from io.zonky's embedded binaries, its data kept under
 * {@code <home>/pgdata-18} so history survives restarts. As root, io.zonky runs it in a user namespace
 * ({@code unshare -U}).
 *
 * <p>One process owns the server and stops it when it closes. A second process started while the first runs joins
 * the running server instead of starting another one (it finds the owner through io.zonky's lock file and the port
 * in {@code postmaster.pid}); it does not stop it. A server left behind by a killed owner is stopped and started
 * again.
 *
 * <p>The server is stopped by {@link #close()} only (io.zonky's own shutdown hook is off), so that its owner can
 * stop workers and flush results first; a JVM killed outright leaves the server running, and the next start stops
 * it (see above).
 *
 * <p>Unlike io.zonky's test defaults, the server runs with PostgreSQL's durable defaults ({@code fsync=on},
 * {@code synchronous_commit=on}): benchmark figures from the embedded server mean what they would on a real one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The PostgreSQL major of the bundled binaries; a new major gets a new data directory. */
    static final String MAJOR = "18";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres owned;
    private final int port;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port, Path dataDirectory) {
        this.owned = owned;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the embedded server on the data under {@code home}, or joins it when another process runs it.
     *
     * @throws Databases.DatabaseUnavailableException with what to do, when it can neither start nor join one
     */
    public static EmbeddedPostgresServer startOrJoin(Path home) {
        Path dataDirectory = home.resolve("pgdata-" + MAJOR);
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve("embedded-postgres.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<Integer> running = runningPort(dataDirectory);
                if (running.isPresent()) {
                    LOG.info("joining the embedded PostgreSQL another process runs on port {}", running.get());
                    return new EmbeddedPostgresServer(null, running.get(), dataDirectory);
                }
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("shared_buffers", "256MB")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // the owner stops the server itself, after its workers and flushers: see close()
                        .setRegisterShutdownHook(false)
                        .setOutputRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()))
                        .start();
                return new EmbeddedPostgresServer(postgres, postgres.getPort(), dataDirectory);
            }
        } catch (IOException | RuntimeException e) {
            throw new Databases.DatabaseUnavailableException(
                    "could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + " (see " + home.resolve("postgres.log")
                    + "; or use a server of your own with --jdbc-url)", e);
        }
    }

    public DatabaseTarget target() {
        return new DatabaseTarget("jdbc:postgresql://localhost:" + port + "/" + DATABASE, USER, "", true);
    }

    /** Whether this process started the server (and stops it on close). */
    public boolean ownsServer() {
        return owned != null;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    /**
     * The port of a server that a live process owns on this data directory; stops one that nobody owns.
     */
    private static Optional<Integer> runningPort(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        int port = Integer.parseInt(lines.get(3).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (postmaster.isEmpty()) {
            return Optional.empty();
        }
        if (ownedByAnotherProcess(dataDirectory) && accepts(port)) {
            return Optional.of(port);
        }
        LOG.warn("stopping an embedded PostgreSQL (pid {}) that no running Queue Bench owns", pid);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
        return Optional.empty();
    }

    /** io.zonky holds a lock on {@code epg-lock} in the data directory while its server runs. */
    private static boolean ownedByAnotherProcess(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
