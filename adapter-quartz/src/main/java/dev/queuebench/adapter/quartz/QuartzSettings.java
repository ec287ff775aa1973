package dev.queuebench.adapter.quartz;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;
import java.util.Properties;


/**
 * Quartz's knobs, each declared once, and the Quartz properties they become. Defaults follow Quartz's configuration
 * reference; where they differ from Quartz's own default, the knob says why.
 */
record QuartzSettings(int threads, int batchAcquisition, Duration idleWait, Duration misfireThreshold) {

    static final Knob<Integer> THREADS = Knob.integer(BackendSettings.THREADS, 10, 1, 1_000,
            "worker threads (Quartz's shipped default; pretend jobs do no work and the single TRIGGER_ACCESS row lock"
                    + " paces firing, so more mostly wait; the pool needs threads + 3 connections)");
    static final Knob<Integer> BATCH_ACQUISITION = Knob.integer("batch-acquisition", 10, 1, 1_000,
            "most due triggers one acquisition takes, capped by idle threads (Quartz's default is 1; more means fewer"
                    + " lock round trips when many triggers are due at once)");
    /**
     * Quartz refuses an idle wait under one second ("not legal"); its reference advises against anything under five,
     * which is the default here.
     */
    static final Knob<Duration> IDLE_WAIT = Knob.duration("idle-wait", Duration.ofSeconds(5), Duration.ofSeconds(1),
            "Quartz refuses less", "how long an idle scheduler waits before looking for triggers again; triggers"
                    + " scheduled through this process wake it at once (Quartz's default is 30s; it advises against"
                    + " less than 5s, and refuses less than 1s)");
    /** Quartz's MisfireHandler scans the triggers table once per threshold: less than a second would hammer it. */
    static final Knob<Duration> MISFIRE_THRESHOLD = Knob.duration("misfire-threshold", Duration.ofSeconds(60),
            Duration.ofSeconds(1), "how late a trigger may be before Quartz counts it as misfired (Quartz's default);"
                    + " Queue Bench's triggers ignore misfires and fire however late, so this only paces the misfire"
                    + " scan");

    static final Knobs KNOBS = Knobs.of(THREADS, BATCH_ACQUISITION, IDLE_WAIT, MISFIRE_THRESHOLD);

    static QuartzSettings from(BackendSettings settings) {
        return new QuartzSettings(THREADS.valueIn(settings), BATCH_ACQUISITION.valueIn(settings),
                IDLE_WAIT.valueIn(settings), MISFIRE_THRESHOLD.valueIn(settings));
    }

    /**
     * The configuration of one clustered JDBC JobStore scheduler.
     *
     * @param schedulerName  Quartz's instance name, stored as {@code SCHED_NAME}: the same on every node of the cluster
     * @param instanceId     this node's id within the cluster
     * @param dataSourceName the name this backend's connection provider is registered under
     */
    Properties toQuartzProperties(String schedulerName, String instanceId, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idleWait.toMillis()));
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
                Integer.toString(batchAcquisition));
        // Quartz's default, spelled out: a fire-ahead window would start jobs before they are due.
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "0");
        // Lets stopWorkers() end a long scheduling job: Quartz interrupts InterruptableJobs while it drains.
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");

        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));

        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        // Quartz's reference: required with a batch acquisition above 1 "to avoid data corruption".
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // Job data as text properties, not Java serialization: readable rows, and no serialized blob to break on.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        // Threads stay non-daemon (Quartz's default): stopWorkers() ends them, and the contract's leak test checks it.
        return properties;
    }
}
