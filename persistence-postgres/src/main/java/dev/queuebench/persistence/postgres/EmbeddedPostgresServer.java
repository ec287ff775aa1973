package dev.queuebench.persistence.postgres;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL server from io.zonky's embedded binaries, its data kept under
 * {@code <home>/pgdata-18} so history survives restarts. As root, io.zonky runs it in a user namespace
 * ({@code unshare -U}).
 *
 * <p>One process starts the server; a process started while it runs joins it instead of starting another one (it
 * finds the port in {@code postmaster.pid}). Every process that uses the server holds a shared lock on
 * {@code <home>/embedded-postgres.users} while it does, and the server lives as long as any of them: the last user to
 * close stops it, whether it started it or joined it, so a {@code worker} that joined a {@code run} keeps its database
 * after the run's process exits. A server that no live process uses (its users were killed) is stopped and started
 * again.
 *
 * <p>The server is stopped by {@link #close()} only (io.zonky's own shutdown hook is off), so that its owner can
 * stop workers and flush results first; a JVM killed outright leaves the server running, and the next start stops
 * it (see above).
 *
 * <p>Unlike io.zonky's test defaults, the server runs with PostgreSQL's durable defaults ({@code fsync=on},
 * {@code synchronous_commit=on}): benchmark figures from the embedded server mean what they would on a real one.
 * It loads {@code pg_stat_statements}, as many production servers do, so that a run can name the statements that
 * took its database's time ({@link PostgresMetrics#statements()}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The PostgreSQL major of the bundled binaries; a new major gets a new data directory. */
    static final String MAJOR = "18";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    /** This JVM's users of each home's server: one shared lock per home and JVM (Java locks are per JVM). */
    private static final Map<Path, Users> USERS = new HashMap<>();

    /** The server this process started, or {@code null} when it joined one; replaced by {@link #restart()}. */
    private EmbeddedPostgres owned;
    private final int port;
    private final Path home;
    private final Path dataDirectory;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port, Path home, Path dataDirectory) {
        this.owned = owned;
        this.port = port;
        this.home = home;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the embedded server on the data under {@code home}, or joins it when another process runs it.
     *
     * @throws Databases.DatabaseUnavailableException with what to do, when it can neither start nor join one
     */
    public static synchronized EmbeddedPostgresServer startOrJoin(Path home) {
        Path dataDirectory = home.resolve("pgdata-" + MAJOR);
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve("embedded-postgres.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<Integer> running = runningPort(home, dataDirectory);
                if (running.isPresent()) {
                    LOG.info("joining the embedded PostgreSQL running on port {}", running.get());
                    use(home);
                    return new EmbeddedPostgresServer(null, running.get(), home, dataDirectory);
                }
                EmbeddedPostgres postgres = builder(home, dataDirectory).start();
                use(home);
                return new EmbeddedPostgresServer(postgres, postgres.getPort(), home, dataDirectory);
            }
        } catch (IOException | RuntimeException e) {
            throw new Databases.DatabaseUnavailableException(
                    "could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + " (see " + home.resolve("postgres.log")
                    + "; or use a server of your own with --jdbc-url)", e);
        }
    }

    /**
     * The server's settings: PostgreSQL's durable defaults, room for many nodes' pools, statement statistics for the
     * top-level statements (not {@code BEGIN}, {@code COMMIT} and the like), its log under the home.
     */
    private static EmbeddedPostgres.Builder builder(Path home, Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                // the owner stops the server itself, after its workers and flushers: see close()
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()));
    }

    /**
     * Stops the server (a fast shutdown: every session is ended) and starts it again on the same data and port, as
     * a database failover or an operator's restart would: what {@code --fault restart-db} does. The processes that
     * joined it reconnect to the same port.
     *
     * @throws IllegalStateException when another process started the server: only its starter restarts it
     */
    public void restart() {
        synchronized (EmbeddedPostgresServer.class) {
            restartOwned();
        }
    }

    private void restartOwned() {
        if (owned == null) {
            throw new IllegalStateException("the embedded PostgreSQL was started by another Queue Bench process;"
                    + " only that one can restart it");
        }
        try {
            owned.close();
            owned = builder(home, dataDirectory).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the embedded PostgreSQL (see "
                    + home.resolve("postgres.log") + ")", e);
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

    /**
     * Stops using the server; stops the server too when no other process (nor another user in this JVM) uses it.
     */
    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (closed) {
                return;
            }
            closed = true;
            try (FileChannel channel = FileChannel.open(home.resolve("embedded-postgres.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!release(home) || usedByAnotherProcess(home)) {
                    LOG.info("leaving the embedded PostgreSQL running for the processes that still use it");
                    return;
                }
                stopServer();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private void stopServer() throws IOException {
        if (owned != null) {
            owned.close();
            return;
        }
        // joined, and the last user: stop the server its starter left running
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isPresent()) {
            stop(postmaster.get());
        }
    }

    /** Takes a share of the server for this JVM: the shared lock on the users file for its first user. */
    private static void use(Path home) throws IOException {
        Users users = USERS.get(home);
        if (users == null) {
            FileChannel channel = FileChannel.open(home.resolve("embedded-postgres.users"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            users = new Users(channel, channel.lock(0, Long.MAX_VALUE, true));
            USERS.put(home, users);
        }
        users.count++;
    }

    /** Gives back this JVM's share; whether this JVM now uses the server no more. */
    private static boolean release(Path home) throws IOException {
        Users users = USERS.get(home);
        if (users == null) {
            return true;
        }
        users.count--;
        if (users.count > 0) {
            return false;
        }
        USERS.remove(home);
        users.lock.release();
        users.channel.close();
        return true;
    }

    /** Whether another process holds a share of the server (this JVM's own share, if any, released first). */
    private static boolean usedByAnotherProcess(Path home) throws IOException {
        return USERS.containsKey(home) || locked(home.resolve("embedded-postgres.users"));
    }

    /** The postmaster of this data directory, while it runs. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    }

    /** SIGTERM (PostgreSQL's smart shutdown), then SIGKILL after 30 s. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    /** The port of a server that a live process uses on this data directory; stops one that nobody uses. */
    private static Optional<Integer> runningPort(Path home, Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        List<String> lines = postmaster.isEmpty() ? List.of() : Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        if (postmaster.isEmpty() || lines.size() < 4) {
            return Optional.empty();
        }
        int port = Integer.parseInt(lines.get(3).trim());
        boolean used = ownedByAnotherProcess(dataDirectory) || usedByAnotherProcess(home);
        if (used && accepts(port)) {
            return Optional.of(port);
        }
        LOG.warn("stopping an embedded PostgreSQL (pid {}) that no running Queue Bench uses", postmaster.get().pid());
        stop(postmaster.get());
        return Optional.empty();
    }

    /** io.zonky holds a lock on {@code epg-lock} in the data directory while its server runs. */
    private static boolean ownedByAnotherProcess(Path dataDirectory) throws IOException {
        return locked(dataDirectory.resolve("epg-lock"));
    }

    /** Whether a process (this JVM included) holds a lock on the file. */
    private static boolean locked(Path lockFile) throws IOException {
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

    /** This JVM's users of one home's server, and the shared lock they hold together. */
    private static final class Users {
        private final FileChannel channel;
        private final FileLock lock;
        private int count;

        Users(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }
}
