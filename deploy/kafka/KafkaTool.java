import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tiny Kafka helper for deploy/up.sh and deploy/smoke.sh, run as a single-file program:
 *
 * <pre>
 *   java -cp 'lib/*' KafkaTool.java create-topics BOOTSTRAP PARTITIONS TIMEOUT_S TOPIC...
 *   java -cp 'lib/*' KafkaTool.java find BOOTSTRAP TOPIC TIMEOUT_S TEXT...
 *   java -cp 'lib/*' KafkaTool.java dump BOOTSTRAP TOPIC TIMEOUT_S
 * </pre>
 *
 * create-topics waits for the broker (up to TIMEOUT_S), creates the missing topics with PARTITIONS partitions
 * and replication factor 1, and checks that every topic exists afterwards.
 * find reads TOPIC from the beginning (no consumer group) until one record value contains every TEXT,
 * prints that record as "key<TAB>value" on stdout and exits 0; exits 1 after TIMEOUT_S without a match.
 * dump prints every record of TOPIC from the beginning up to its current end, one partition after another, each
 * in offset order (so the records of one key in the order consumers see them), as "key<TAB>value" lines.
 */
public class KafkaTool {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        switch (args[0]) {
            case "create-topics" -> System.exit(createTopics(args[1], Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), List.of(args).subList(4, args.length)));
            case "find" -> System.exit(find(args[1], args[2], Integer.parseInt(args[3]),
                    List.of(args).subList(4, args.length)));
            case "dump" -> System.exit(dump(args[1], args[2], Integer.parseInt(args[3])));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaTool create-topics BOOTSTRAP PARTITIONS TIMEOUT_S TOPIC...\n"
                + "       KafkaTool find BOOTSTRAP TOPIC TIMEOUT_S TEXT...\n"
                + "       KafkaTool dump BOOTSTRAP TOPIC TIMEOUT_S");
        System.exit(2);
    }

    private static int createTopics(String bootstrap, int partitions, int timeoutSeconds, List<String> topics)
            throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = Admin.create(props)) {
            // Wait until the broker answers metadata requests.
            Set<String> existing = null;
            Exception last = null;
            while (existing == null && System.nanoTime() < deadline) {
                try {
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                    Thread.sleep(500);
                }
            }
            if (existing == null) {
                System.err.println("Kafka at " + bootstrap + " did not answer within " + timeoutSeconds + " s: " + last);
                return 1;
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    System.out.println("created topic " + topic.name() + " (" + partitions + " partitions)");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            // A fresh topic's metadata reaches the broker's cache a moment after creation: retry.
            Map<String, TopicDescription> described = null;
            while (described == null) {
                try {
                    described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(300);
                }
            }
            for (TopicDescription d : described.values()) {
                if (d.partitions().size() < partitions) {
                    System.out.println("note: topic " + d.name() + " has " + d.partitions().size()
                            + " partitions (wanted " + partitions + "); left as it is");
                }
            }
            return 0;
        }
    }

    private static int find(String bootstrap, String topic, int timeoutSeconds, List<String> texts) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            Set<TopicPartition> assigned = new HashSet<>();
            while (System.nanoTime() < deadline) {
                // Re-read the partition list: the topic may appear (auto-created) while we wait.
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                Set<TopicPartition> partitions = new HashSet<>();
                if (infos != null) {
                    for (PartitionInfo info : infos) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                if (!partitions.equals(assigned) && !partitions.isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    assigned = partitions;
                }
                if (assigned.isEmpty()) {
                    sleep(500);
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    String value = record.value() == null ? "" : record.value();
                    if (texts.stream().allMatch(value::contains)) {
                        System.out.println(record.key() + "\t" + value);
                        return 0;
                    }
                }
            }
        }
        System.err.println("no record on " + topic + " containing " + texts + " within " + timeoutSeconds
                + " s (" + seen + " records read)");
        return 1;
    }

    private static int dump(String bootstrap, String topic, int timeoutSeconds) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(timeoutSeconds));
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(timeoutSeconds));
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = ends.get(partition);
                while (consumer.position(partition) < end) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("dump of " + topic + " not finished within " + timeoutSeconds + " s");
                        return 1;
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end) {
                            System.out.println(record.key() + "\t" + record.value());
                        }
                    }
                }
            }
        }
        return 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
