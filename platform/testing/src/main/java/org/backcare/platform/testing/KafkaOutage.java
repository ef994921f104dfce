package org.backcare.platform.testing;

/** Lets a test stop and restart the in-process broker that {@link InProcessKafkaResource} started. */
public final class KafkaOutage {

    private static volatile Runnable stop;
    private static volatile Runnable start;

    private KafkaOutage() {
    }

    public static void register(Runnable stopBroker, Runnable startBroker) {
        stop = stopBroker;
        start = startBroker;
    }

    public static void clear() {
        stop = null;
        start = null;
    }

    public static void stopBroker() {
        if (stop == null) {
            throw new IllegalStateException("no in-process Kafka broker registered in this class loader");
        }
        stop.run();
    }

    public static void startBroker() {
        start.run();
    }
}
