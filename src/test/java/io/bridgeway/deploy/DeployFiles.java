package io.bridgeway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files in {@code deploy/}, parsed: every Kubernetes object, the compose file and the Dockerfile. Jackson's
 * YAML reader is already on the classpath (SmallRye OpenAPI uses it).
 */
final class DeployFiles {

    static final Path DEPLOY = Path.of("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
    static final String APP = "bridgeway";
    private static final Pattern HEALTH_PATH = Pattern.compile("/q/health[\\w/]*");
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles() {
    }

    /** Every YAML file under deploy/, in a stable order. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file ({@code ---} separates them); empty documents are skipped. */
    static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
        return documents;
    }

    /** The Kubernetes objects: every document with a {@code kind} under deploy/kubernetes (the kustomization too). */
    static List<JsonNode> kubernetesObjects() {
        return yamlFiles().stream().filter(f -> f.startsWith(KUBERNETES)).flatMap(f -> documents(f).stream())
                .filter(d -> d.hasNonNull("kind")).toList();
    }

    static Optional<JsonNode> find(String kind, String name) {
        return kubernetesObjects().stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    static JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " in " + KUBERNETES));
    }

    /** Objects that run containers (Deployment, StatefulSet, ...): everything with a pod template. */
    static List<JsonNode> workloads() {
        return kubernetesObjects().stream().filter(o -> o.path("spec").path("template").path("spec").has("containers")).toList();
    }

    static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode podSpec = workload.path("spec").path("template").path("spec");
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    static JsonNode appContainer() {
        return containers(get("Deployment", APP)).stream().filter(c -> APP.equals(c.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("The Deployment has no container named " + APP));
    }

    static JsonNode compose() {
        List<JsonNode> documents = documents(COMPOSE);
        if (documents.size() != 1) {
            throw new AssertionError(COMPOSE + " should hold one document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<String> dockerfileLines() {
        try {
            return Files.readAllLines(DOCKERFILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The health paths the deployments ask the app for: the HTTP probes of the app's Deployment and the path in
     * the compose app's healthcheck.
     */
    static Set<String> appHealthPaths() {
        Set<String> paths = new LinkedHashSet<>();
        JsonNode container = appContainer();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode path = container.path(probe).path("httpGet").path("path");
            if (path.isTextual()) {
                paths.add(path.asText());
            }
        }
        Matcher inCompose = HEALTH_PATH.matcher(compose().path("services").path("app").path("healthcheck").path("test").toString());
        while (inCompose.find()) {
            paths.add(inCompose.group());
        }
        return paths;
    }
}
