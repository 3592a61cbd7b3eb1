package org.fieldsupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The deploy files are well-formed and carry what the issue asks of them: YAML that parses, a kustomization that
 * lists every manifest, a Deployment per service with its probes, resources, Service, ConfigMap and
 * PodDisruptionBudget, and one parameterised image definition used consistently by the compose file.
 */
class DeployFilesTest {

    @Test
    void everyYamlFileUnderComposeAndK8sParses() {
        List<Path> files = new ArrayList<>(DeployRepo.yamlFiles(DeployRepo.COMPOSE_DIR));
        files.addAll(DeployRepo.yamlFiles(DeployRepo.K8S_DIR));
        assertThat(files).as("YAML files under deploy/compose and deploy/k8s").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                List<Object> documents = DeployRepo.loadAll(file);
                if (documents.isEmpty()) {
                    problems.add(file + ": no document");
                }
                for (Object document : documents) {
                    if (!(document instanceof Map<?, ?>)) {
                        problems.add(file + ": a document is not a mapping");
                    }
                }
            } catch (RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
        // Every Kubernetes document is a resource with apiVersion, kind and name.
        for (DeployRepo.K8sResource resource : DeployRepo.k8sResources()) {
            assertThat(resource.apiVersion()).as(resource.file() + " apiVersion").isNotBlank();
            assertThat(resource.kind()).as(resource.file() + " kind").isNotBlank();
            assertThat(resource.name()).as(resource.file() + " metadata.name").isNotBlank();
        }
    }

    @Test
    void theKustomizationListsEveryManifestButTheOptionalOnes() {
        Path kustomization = DeployRepo.K8S_DIR.resolve("kustomization.yaml");
        Map<String, Object> body = DeployRepo.map(DeployRepo.loadAll(kustomization).get(0));
        Set<String> listed = new TreeSet<>();
        DeployRepo.list(body.get("resources")).forEach(r -> listed.add(String.valueOf(r)));
        Set<String> expected = new TreeSet<>();
        for (Path file : DeployRepo.yamlFiles(DeployRepo.K8S_DIR)) {
            String relative = DeployRepo.K8S_DIR.relativize(file).toString().replace('\\', '/');
            if (!relative.startsWith("optional/") && !relative.equals("kustomization.yaml")) {
                expected.add(relative);
            }
        }
        assertThat(listed).isEqualTo(expected);
        listed.forEach(r -> assertThat(DeployRepo.K8S_DIR.resolve(r)).exists());
    }

    @Test
    void eachServiceHasADeploymentWithProbesResourcesServiceConfigMapAndDisruptionBudget() {
        List<DeployRepo.K8sResource> k8s = DeployRepo.k8sResources();
        List<String> problems = new ArrayList<>();
        for (String service : DeployRepo.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            String port = config.properties().get("quarkus.http.port");
            DeployRepo.K8sResource deployment = find(k8s, "Deployment", service);
            if (deployment == null) {
                problems.add("no Deployment " + service);
                continue;
            }
            Map<String, Object> spec = deployment.spec();
            if (!"2".equals(DeployRepo.text(spec.get("replicas")))) {
                problems.add(deployment + ": replicas " + spec.get("replicas") + ", expected 2");
            }
            Map<String, Object> selector = DeployRepo.map(DeployRepo.at(spec, "selector.matchLabels"));
            Map<String, Object> podLabels = DeployRepo.map(DeployRepo.at(spec, "template.metadata.labels"));
            if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
                problems.add(deployment + ": selector does not match its pod labels");
            }
            List<Object> containers = DeployRepo.list(DeployRepo.at(spec, "template.spec.containers"));
            if (containers.size() != 1) {
                problems.add(deployment + ": " + containers.size() + " containers");
                continue;
            }
            Map<String, Object> container = DeployRepo.map(containers.get(0));
            expectProbe(problems, deployment, container, "readinessProbe", "/q/health/ready");
            expectProbe(problems, deployment, container, "livenessProbe", "/q/health/live");
            if (container.get("startupProbe") == null) {
                problems.add(deployment + ": no startupProbe");
            }
            expectValue(problems, deployment, container, "resources.requests.memory", "384Mi");
            expectValue(problems, deployment, container, "resources.requests.cpu", "250m");
            expectValue(problems, deployment, container, "resources.limits.memory", "512Mi");
            boolean portDeclared = DeployRepo.list(container.get("ports")).stream().map(DeployRepo::map)
                    .anyMatch(p -> Objects.equals(DeployRepo.text(p.get("containerPort")), port));
            if (!portDeclared) {
                problems.add(deployment + ": no containerPort " + port + " (quarkus.http.port)");
            }
            String image = DeployRepo.text(container.get("image"));
            if (image == null || !image.contains("/" + service + ":")) {
                problems.add(deployment + ": image " + image + " is not <registry>/" + service + ":<tag>");
            }

            DeployRepo.K8sResource configMap = find(k8s, "ConfigMap", service + "-config");
            if (configMap == null) {
                problems.add("no ConfigMap " + service + "-config");
            } else {
                String httpPort = DeployRepo.text(DeployRepo.map(configMap.body().get("data")).get("QUARKUS_HTTP_PORT"));
                if (httpPort != null && !httpPort.equals(port)) {
                    problems.add(configMap + ": QUARKUS_HTTP_PORT " + httpPort + " differs from the container port");
                }
            }
            DeployRepo.K8sResource svc = find(k8s, "Service", service);
            if (svc == null || !selector.equals(DeployRepo.map(svc.spec().get("selector")))) {
                problems.add("no Service " + service + " selecting the Deployment's pods");
            }
            DeployRepo.K8sResource budget = find(k8s, "PodDisruptionBudget", service);
            if (budget == null) {
                problems.add("no PodDisruptionBudget " + service);
            } else {
                if (!"1".equals(DeployRepo.text(budget.spec().get("minAvailable")))) {
                    problems.add(budget + ": minAvailable is not 1");
                }
                if (!selector.equals(DeployRepo.map(DeployRepo.at(budget.spec(), "selector.matchLabels")))) {
                    problems.add(budget + ": does not select the Deployment's pods");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static DeployRepo.K8sResource find(List<DeployRepo.K8sResource> resources, String kind, String name) {
        return resources.stream().filter(r -> r.is(kind, name)).findFirst().orElse(null);
    }

    private static void expectProbe(List<String> problems, DeployRepo.K8sResource deployment,
            Map<String, Object> container, String probe, String path) {
        expectValue(problems, deployment, container, probe + ".httpGet.path", path);
    }

    private static void expectValue(List<String> problems, DeployRepo.K8sResource deployment,
            Map<String, Object> container, String path, String expected) {
        String actual = DeployRepo.text(DeployRepo.at(container, path));
        if (!expected.equals(actual)) {
            problems.add(deployment + ": " + path + " is " + actual + ", expected " + expected);
        }
    }

    @Test
    void oneParameterisedImageDefinitionFollowsQuarkusFastJarLayout() {
        String dockerfile = DeployRepo.read(DeployRepo.DOCKERFILE);
        assertThat(dockerfile)
                .contains("registry.access.redhat.com/ubi9/openjdk-17-runtime")
                .contains("ARG SERVICE")
                .contains("EXPOSE ${PORT}")
                .contains("USER 185")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
    }

    @Test
    void theComposeFileBuildsEachServiceFromItsModuleWithThatImageDefinition() {
        Map<String, Object> compose = DeployRepo.composeServices();
        List<String> problems = new ArrayList<>();
        for (String service : DeployRepo.SERVICES) {
            Map<String, Object> build = DeployRepo.map(DeployRepo.map(compose.get(service)).get("build"));
            Path context = DeployRepo.COMPOSE_DIR.resolve(String.valueOf(build.get("context"))).normalize();
            if (!context.equals(DeployRepo.ROOT.resolve(service))) {
                problems.add(service + ": build context " + context + " is not the module " + service);
            }
            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile"))).normalize();
            if (!dockerfile.equals(DeployRepo.DOCKERFILE)) {
                problems.add(service + ": dockerfile " + dockerfile + " is not deploy/containers/Dockerfile.jvm");
            }
            Map<String, Object> args = DeployRepo.map(build.get("args"));
            if (!service.equals(DeployRepo.text(args.get("SERVICE")))) {
                problems.add(service + ": build arg SERVICE is " + args.get("SERVICE"));
            }
            String port = ServiceConfig.load(service).properties().get("quarkus.http.port");
            if (!Objects.equals(port, DeployRepo.text(args.get("PORT")))) {
                problems.add(service + ": build arg PORT " + args.get("PORT") + " is not quarkus.http.port " + port);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Files.isRegularFile(DeployRepo.COMPOSE_DIR.resolve("kafka-init/kafka-init.sh"))).isTrue();
    }
}
