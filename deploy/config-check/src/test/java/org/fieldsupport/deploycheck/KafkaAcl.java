package org.fieldsupport.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One allow rule for one service's principal, from either deploy file: the ACLS list of the compose file's
 * kafka-init container, or a Strimzi KafkaUser's {@code spec.authorization.acls}.
 *
 * @param operations lower case ({@code read}, {@code write}, {@code describe}, …)
 */
record KafkaAcl(String source, String service, String resourceType, String name, String patternType,
        Set<String> operations) {

    @Override
    public String toString() {
        return source + ": User:" + service + " " + operations + " " + resourceType + ":" + name
                + ("literal".equals(patternType) ? "" : " (" + patternType + ")");
    }

    /** {@code <service> <operation> <topic|group>:<name>} a line, {@code #} comments; all literal names. */
    static List<KafkaAcl> fromComposeLines(String source, String lines) {
        List<KafkaAcl> acls = new ArrayList<>();
        for (String line : lines.split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            String[] fields = rule.split("\\s+");
            if (fields.length != 3 || !fields[2].contains(":")) {
                throw new IllegalStateException(source + ": unreadable ACL line '" + rule + "'");
            }
            String[] resource = fields[2].split(":", 2);
            acls.add(new KafkaAcl(source, fields[0], resource[0].toLowerCase(Locale.ROOT), resource[1], "literal",
                    Set.of(fields[1].toLowerCase(Locale.ROOT))));
        }
        return acls;
    }

    /** Strimzi: {@code resource.type/name/patternType} (literal by default) and {@code operations} or the older
     * single {@code operation}. */
    static List<KafkaAcl> fromKafkaUser(DeployRepo.K8sResource user) {
        List<KafkaAcl> acls = new ArrayList<>();
        for (Object item : DeployRepo.list(DeployRepo.at(user.body(), "spec.authorization.acls"))) {
            Map<String, Object> acl = DeployRepo.map(item);
            Map<String, Object> resource = DeployRepo.map(acl.get("resource"));
            Set<String> operations = new LinkedHashSet<>();
            for (Object operation : DeployRepo.list(acl.get("operations"))) {
                operations.add(String.valueOf(operation).toLowerCase(Locale.ROOT));
            }
            if (acl.get("operation") != null) {
                operations.add(String.valueOf(acl.get("operation")).toLowerCase(Locale.ROOT));
            }
            String type = String.valueOf(resource.get("type")).toLowerCase(Locale.ROOT);
            Object patternType = resource.getOrDefault("patternType", "literal");
            acls.add(new KafkaAcl(user.toString(), user.name(), type, DeployRepo.text(resource.get("name")),
                    String.valueOf(patternType).toLowerCase(Locale.ROOT), operations));
        }
        return acls;
    }
}
