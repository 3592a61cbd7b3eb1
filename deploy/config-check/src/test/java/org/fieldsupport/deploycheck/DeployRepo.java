package org.fieldsupport.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository as the deploy files see it: where things are, and YAML read the way Docker Compose and kubectl
 * read it (several documents per file, anchors and merge keys).
 *
 * <p>The tests run with the module directory as working directory, so the repository root is {@code ../..}; the
 * system property {@code deploy.root} points them at another copy (that is how a broken copy is checked to fail).
 */
final class DeployRepo {

    static final Path ROOT = Path.of(System.getProperty("deploy.root", "../..")).toAbsolutePath().normalize();

    /** The four services, by their {@code quarkus.application.name} (= module directory = Kafka principal). */
    static final List<String> SERVICES = List.of("ticket-service", "dispatch-service", "logistics-service",
            "survey-service");

    static final Path COMPOSE_DIR = ROOT.resolve("deploy/compose");
    static final Path COMPOSE_FILE = COMPOSE_DIR.resolve("docker-compose.yml");
    static final Path K8S_DIR = ROOT.resolve("deploy/k8s");
    static final Path DOCKERFILE = ROOT.resolve("deploy/containers/Dockerfile.jvm");
    static final Path README = ROOT.resolve("deploy/README.md");

    private DeployRepo() {
    }

    static Path applicationProperties(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.properties");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .yml}/{@code .yaml} file under a directory, in a stable order. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All documents of a YAML file; empty documents (a trailing {@code ---}) are dropped. */
    static List<Object> loadAll(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(read(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** The Kubernetes resources of every file under deploy/k8s (kustomization files excluded). */
    static List<K8sResource> k8sResources() {
        List<K8sResource> resources = new ArrayList<>();
        for (Path file : yamlFiles(K8S_DIR)) {
            if (file.getFileName().toString().startsWith("kustomization.")) {
                continue;
            }
            for (Object document : loadAll(file)) {
                resources.add(new K8sResource(K8S_DIR.relativize(file).toString(), map(document)));
            }
        }
        return resources;
    }

    static Map<String, Object> composeFile() {
        List<Object> documents = loadAll(COMPOSE_FILE);
        if (documents.size() != 1) {
            throw new IllegalStateException(COMPOSE_FILE + " must hold exactly one YAML document");
        }
        return map(documents.get(0));
    }

    static Map<String, Object> composeServices() {
        return map(composeFile().get("services"));
    }

    /**
     * A compose service's {@code environment}, in either of its two forms (a mapping, or a list of
     * {@code NAME=value}); values as text.
     */
    static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> environment.put(String.valueOf(name),
                    value == null ? null : String.valueOf(value)));
        } else if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a mapping, found: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException("expected a sequence, found: " + value);
        }
        return (List<Object>) value;
    }

    /** {@code path} is a dotted path of mapping keys, e.g. {@code spec.template.spec}. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> mapping)) {
                return null;
            }
            current = mapping.get(key);
        }
        return current;
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** One Kubernetes resource and the file it comes from. */
    record K8sResource(String file, Map<String, Object> body) {

        String kind() {
            return text(body.get("kind"));
        }

        String apiVersion() {
            return text(body.get("apiVersion"));
        }

        String name() {
            return text(at(body, "metadata.name"));
        }

        Map<String, Object> spec() {
            return map(body.get("spec"));
        }

        boolean is(String kind, String name) {
            return Objects.equals(kind(), kind) && Objects.equals(name(), name);
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file + ")";
        }
    }
}
