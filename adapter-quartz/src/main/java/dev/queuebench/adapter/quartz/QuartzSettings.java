package dev.queuebench.adapter.quartz;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.quartz.Trigger;

/**
 * Quartz's knobs, each declared once with its value in each profile and that value's source, and the Quartz
 * properties they become. Sources are Quartz 2.5.2's code and its 2.5.x configuration reference (context/0012).
 */
record QuartzSettings(int threads, int batchAcquisition, Duration idleWait, Duration misfireThreshold,
                      String misfireInstruction) {

    static final String SMART = "smart";
    static final String IGNORE = "ignore";

    /**
     * Beyond its worker threads, a clustered scheduler borrows a connection for its scheduler thread, its
     * MisfireHandler and its ClusterManager, each held while it waits for the QRTZ_LOCKS row: Quartz's Best Practices
     * ask for "at least the number of worker threads in the thread pool plus three".
     */
    static final int OWN_CONNECTIONS = 3;

    static final Knob<Integer> THREADS = Knob.threads("worker threads (the single TRIGGER_ACCESS row lock paces"
            + " firing, so more mostly wait)", "Quartz's own default is 10 (its quartz.properties: threadCount 10)");
    static final Knob<Integer> BATCH_ACQUISITION = Knob.integer("batch-acquisition", 1, 1_000,
            "most due triggers one acquisition takes, capped by idle threads; above 1 the acquisition holds the"
                    + " TRIGGER_ACCESS lock, as Quartz requires")
            .shipped(1, "Quartz's default (StdSchedulerFactory: batchTriggerAcquisitionMaxCount 1)")
            .tuned(THREADS, "as many as there are threads, which is most Quartz takes (QuartzSchedulerThread);"
                    + " ConfigMain: \"The larger the number, the more efficient firing is (in situations where there"
                    + " are very many triggers needing to be fired all at once)\"");
    /** Quartz refuses an idle wait under one second ("not legal"). */
    static final Knob<Duration> IDLE_WAIT = Knob.duration("idle-wait", Duration.ofSeconds(1), "Quartz refuses less",
            "how long an idle scheduler waits before looking for triggers again; triggers scheduled through this"
                    + " process wake it at once")
            .inEveryProfile(Duration.ofSeconds(30), "Quartz's default (QuartzSchedulerThread.DEFAULT_IDLE_WAIT_TIME);"
                    + " ConfigMain: \"Normally you should not have to 'tune' this parameter\"");
    /** Quartz's MisfireHandler scans the triggers table once per threshold: less than a second would hammer it. */
    static final Knob<Duration> MISFIRE_THRESHOLD = Knob.duration("misfire-threshold", Duration.ofSeconds(1),
            "how late a trigger may be before Quartz counts it as misfired")
            .inEveryProfile(Duration.ofSeconds(60), "Quartz's default (quartz.properties, JobStoreSupport"
                    + ".misfireThreshold)");
    static final Knob<String> MISFIRE_INSTRUCTION = Knob.choice("misfire-instruction", List.of(SMART, IGNORE),
            "what a job's trigger does once it is later than the misfire threshold: smart (a one-shot trigger fires"
                    + " now, once the MisfireHandler re-timed it, 20 per locked transaction) or ignore (it stays with"
                    + " the normal acquisition, oldest first)")
            .shipped(SMART, "Quartz's default for every trigger (AbstractTrigger: MISFIRE_INSTRUCTION_SMART_POLICY,"
                    + " which a one-shot SimpleTrigger reads as fire now)")
            .tuned(IGNORE, "our reading of Quartz's documentation, which gives no direct advice:"
                    + " MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY \"will simply try to fire it as soon as it can\","
                    + " and ConfigJobStoreTX warns that handling misfires can lock the tables \"long enough that the"
                    + " performance of firing other (not yet misfired) triggers may be hampered\"");

    static final Knobs KNOBS = Knobs.of(THREADS, BATCH_ACQUISITION, IDLE_WAIT, MISFIRE_THRESHOLD, MISFIRE_INSTRUCTION);

    static QuartzSettings from(BackendSettings settings) {
        return new QuartzSettings(THREADS.valueIn(settings), BATCH_ACQUISITION.valueIn(settings),
                IDLE_WAIT.valueIn(settings), MISFIRE_THRESHOLD.valueIn(settings),
                MISFIRE_INSTRUCTION.valueIn(settings));
    }

    /** The connections a scheduler with these settings borrows at most at once. */
    int connectionsNeeded() {
        return threads + OWN_CONNECTIONS;
    }

    /** The misfire instruction of the triggers of pretend jobs and their retries, as Quartz's constant. */
    int misfireInstructionOfJobs() {
        return misfireInstruction.equals(IGNORE)
                ? Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY
                : Trigger.MISFIRE_INSTRUCTION_SMART_POLICY;
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
        // Quartz's default (false) for one trigger at a time; ConfigJobStoreTX: it "must be set to true to avoid data
        // corruption" when batchTriggerAcquisitionMaxCount is above 1 (and Quartz takes the lock then anyway).
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", Boolean.toString(batchAcquisition > 1));
        // Job data as text properties, not Java serialization (ConfigJobStoreTX: "you avoid the class versioning
        // issues that can arise from serializing your non-String classes into a BLOB"): readable rows.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        // Threads stay non-daemon (Quartz's default): stopWorkers() ends them, and the contract's leak test checks it.
        return properties;
    }
}
