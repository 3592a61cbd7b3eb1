package org.fieldsupport.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Records on each of the platform's topics, as the sum of its partitions' end offsets: the services' producers are
 * idempotent, not transactional, so each offset is one record.
 */
final class TopicCounts {

    private TopicCounts() {
    }

    static Map<String, Long> records(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        var topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__")).toList();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<String, Long> counts = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> counts.merge(partition.topic(),
                info.offset(), Long::sum));
        return counts;
    }

    /** Records added to each topic between two counts. */
    static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new TreeMap<>();
        after.forEach((topic, count) -> added.put(topic, count - before.getOrDefault(topic, 0L)));
        return added;
    }
}
