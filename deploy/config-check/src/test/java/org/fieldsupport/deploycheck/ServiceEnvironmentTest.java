package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the compose file and the Kubernetes manifests set on a service reaches something that
 * service declares: the environment form of a property of its application.properties, or a {@code ${VAR}}
 * placeholder used there. A variable that reaches nothing is silently ignored by Quarkus — the usual way a
 * deployment "sets" a value that never applies.
 */
class ServiceEnvironmentTest {

    /**
     * Quarkus properties a service reads without declaring them in application.properties, on purpose: a secret has
     * no default to write there. Keep this list to such cases.
     */
    static final Set<String> UNDECLARED_QUARKUS_SECRETS = Set.of(
            // quarkus.datasource.password of the default datasource (the properties' comment names it).
            "QUARKUS_DATASOURCE_PASSWORD");

    /** Names that hold a secret: never a literal value in the deploy files. */
    private static final Pattern SENSITIVE = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL).*");
    /** A variable naming the file a secret is mounted at (an absolute path) carries no secret itself. */
    private static final Pattern PATH_TO_A_SECRET = Pattern.compile(".*_FILE");

    private static boolean sensitive(String variable, String value) {
        boolean mountedFile = PATH_TO_A_SECRET.matcher(variable).matches() && value != null && value.startsWith("/");
        return SENSITIVE.matcher(variable).matches() && !mountedFile;
    }
    /** A value that carries a credential itself (a JAAS line with a password, a URL with user:password@). */
    private static final Pattern CARRIES_CREDENTIAL = Pattern.compile("(?i).*(password\\s*=|://[^/@\\s]+:[^/@\\s]+@).*");
    /** A credential inside a value given by reference only: {@code password="${X_PASSWORD:?message}"}. */
    private static final Pattern CREDENTIAL_BY_REFERENCE = Pattern.compile(
            "(?i)password\\s*=\\s*\"\\$\\{[A-Z0-9_]+:\\?[^}]*}\"");

    private static Map<String, ServiceConfig> services;
    private static List<DeployRepo.K8sResource> k8s;

    @BeforeAll
    static void load() {
        services = new LinkedHashMap<>();
        DeployRepo.SERVICES.forEach(s -> services.put(s, ServiceConfig.load(s)));
        k8s = DeployRepo.k8sResources();
    }

    private static boolean accepted(ServiceConfig config, String variable) {
        return config.accepts(variable) || UNDECLARED_QUARKUS_SECRETS.contains(variable);
    }

    /** Compose: the environment of the service of the same name. */
    static Map<String, Map<String, String>> composeVariables() {
        Map<String, Map<String, String>> variables = new LinkedHashMap<>();
        Map<String, Object> composeServices = DeployRepo.composeServices();
        for (String service : DeployRepo.SERVICES) {
            assertThat(composeServices).as("compose services").containsKey(service);
            Map<String, Object> definition = DeployRepo.map(composeServices.get(service));
            assertThat(definition).as(service + " in compose: use environment, not env_file (it cannot be checked)")
                    .doesNotContainKey("env_file");
            variables.put(service, DeployRepo.composeEnvironment(definition));
        }
        return variables;
    }

    /**
     * Kubernetes: for the Deployment of the same name, each container's {@code env} names and the keys of the
     * ConfigMaps it takes whole through {@code envFrom}.
     */
    static Map<String, Set<String>> kubernetesVariables(List<String> problems) {
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (String service : DeployRepo.SERVICES) {
            DeployRepo.K8sResource deployment = k8s.stream().filter(r -> r.is("Deployment", service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment " + service + " under deploy/k8s"));
            Set<String> names = new TreeSet<>();
            for (Object item : DeployRepo.list(DeployRepo.at(deployment.spec(), "template.spec.containers"))) {
                Map<String, Object> container = DeployRepo.map(item);
                for (Object env : DeployRepo.list(container.get("env"))) {
                    names.add(DeployRepo.text(DeployRepo.map(env).get("name")));
                }
                for (Object source : DeployRepo.list(container.get("envFrom"))) {
                    Map<String, Object> from = DeployRepo.map(source);
                    if (from.containsKey("secretRef")) {
                        problems.add(deployment + ": envFrom secretRef hides which variables it sets; "
                                + "use env entries with secretKeyRef");
                    }
                    String configMap = DeployRepo.text(DeployRepo.at(from, "configMapRef.name"));
                    if (configMap != null) {
                        DeployRepo.K8sResource data = k8s.stream().filter(r -> r.is("ConfigMap", configMap))
                                .findFirst().orElse(null);
                        if (data == null) {
                            problems.add(deployment + ": ConfigMap " + configMap + " is not under deploy/k8s");
                        } else {
                            names.addAll(DeployRepo.map(data.body().get("data")).keySet());
                        }
                    }
                }
            }
            variables.put(service, names);
        }
        return variables;
    }

    @Test
    void theComposeFileSetsOnlyVariablesTheServicesDeclare() {
        List<String> problems = new ArrayList<>();
        composeVariables().forEach((service, environment) -> environment.keySet().forEach(variable -> {
            if (!accepted(services.get(service), variable)) {
                problems.add("docker-compose.yml " + service + ": " + variable
                        + " is neither a property of its application.properties nor a ${...} placeholder there");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void theKubernetesManifestsSetOnlyVariablesTheServicesDeclare() {
        List<String> problems = new ArrayList<>();
        kubernetesVariables(problems).forEach((service, names) -> names.forEach(variable -> {
            if (!accepted(services.get(service), variable)) {
                problems.add("deploy/k8s " + service + ": " + variable
                        + " is neither a property of its application.properties nor a ${...} placeholder there");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void theServicesGetTheirInfrastructureAddressesFromBothFiles() {
        // What every service needs to run outside one machine (README: the variables the launcher sets).
        Set<String> required = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY_LOCATION",
                "QUARKUS_HTTP_PORT");
        List<String> problems = new ArrayList<>();
        composeVariables().forEach((service, environment) -> required.stream()
                .filter(v -> !environment.containsKey(v))
                .forEach(v -> problems.add("docker-compose.yml " + service + " does not set " + v)));
        kubernetesVariables(problems).forEach((service, names) -> required.stream()
                .filter(v -> !names.contains(v))
                .forEach(v -> problems.add("deploy/k8s " + service + " does not set " + v)));
        assertThat(problems).isEmpty();
    }

    @Test
    void noSecretIsWrittenInTheDeployFiles() {
        List<String> problems = new ArrayList<>();
        Pattern reference = Pattern.compile("^\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}$");
        DeployRepo.composeServices().forEach((name, service) ->
                DeployRepo.composeEnvironment(DeployRepo.map(service)).forEach((variable, value) -> {
                    boolean literal = value == null || !reference.matcher(value).matches();
                    String withoutReferences = value == null ? null
                            : CREDENTIAL_BY_REFERENCE.matcher(value).replaceAll("password-by-reference");
                    boolean secret = sensitive(variable, value) && !variable.contains("JAAS")
                            || withoutReferences != null && CARRIES_CREDENTIAL.matcher(withoutReferences).matches();
                    if (secret && literal) {
                        problems.add("docker-compose.yml " + name + ": " + variable
                                + " must be a ${VAR:?message} reference, not a value");
                    }
                }));
        for (DeployRepo.K8sResource resource : k8s) {
            if ("Secret".equals(resource.kind())) {
                problems.add(resource + ": Secrets are created by the operator, not committed");
            }
            if ("ConfigMap".equals(resource.kind())) {
                DeployRepo.map(resource.body().get("data")).forEach((key, value) -> {
                    if (sensitive(key.toUpperCase(java.util.Locale.ROOT), DeployRepo.text(value))) {
                        problems.add(resource + ": " + key + " belongs in a Secret");
                    }
                });
            }
            if ("Deployment".equals(resource.kind())) {
                for (Object item : DeployRepo.list(DeployRepo.at(resource.spec(), "template.spec.containers"))) {
                    for (Object env : DeployRepo.list(DeployRepo.map(item).get("env"))) {
                        Map<String, Object> entry = DeployRepo.map(env);
                        String variable = DeployRepo.text(entry.get("name"));
                        if (SENSITIVE.matcher(variable).matches()
                                && DeployRepo.at(entry, "valueFrom.secretKeyRef") == null) {
                            problems.add(resource + ": " + variable + " must come from a secretKeyRef");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmeDocumentsEveryVariableTheFilesSet() {
        String readme = DeployRepo.read(DeployRepo.README);
        Set<String> variables = new TreeSet<>();
        composeVariables().values().forEach(e -> variables.addAll(e.keySet()));
        kubernetesVariables(new ArrayList<>()).values().forEach(variables::addAll);
        List<String> missing = variables.stream().filter(v -> !readme.contains("`" + v + "`")).toList();
        assertThat(missing).as("variables set on services but not in deploy/README.md's configuration reference")
                .isEmpty();
    }
}
