package org.backcare.notification.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * Starts a single-node Kafka (KRaft, in this JVM, no Docker) for the tests; they publish events the way the other
 * services do and the real consumers of this service read them.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(false)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    // A single node needs replication factor 1 everywhere, or consumer groups never get a coordinator.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("in-process Kafka did not start", e);
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
