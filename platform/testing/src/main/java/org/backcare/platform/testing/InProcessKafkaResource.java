package org.backcare.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import kafka.server.BrokerServer;

import java.util.Map;

/**
 * Starts a single-node Kafka (KRaft, in this JVM, no Docker) for the tests.
 * The broker can be stopped and started again on the same port through {@link KafkaOutage},
 * so tests can show that events written while Kafka is down are delivered once it is back.
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
        KafkaOutage.register(this::stopBroker, this::startBroker);
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    private void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    private void startBroker() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("broker did not come back", e);
        }
    }

    @Override
    public void stop() {
        KafkaOutage.clear();
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
