package io.bridgeway.deploy;

import static io.bridgeway.deploy.DeployFiles.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files say what the app needs: no Docker or cluster here, so this is the CI check of deploy/ (the
 * probe paths are requested from the running app by {@link HealthProbesTest}).
 */
class DeployManifestsTest {

    @Test
    void everyYamlFileParsesAndEveryKubernetesObjectIsNamed() {
        List<Path> files = DeployFiles.yamlFiles();
        assertTrue(files.contains(DeployFiles.COMPOSE), files.toString());
        assertTrue(files.stream().filter(f -> f.startsWith(DeployFiles.KUBERNETES)).count() >= 5, files.toString());
        for (Path file : files) {
            assertFalse(DeployFiles.documents(file).isEmpty(), file + " is empty");
        }
        for (JsonNode object : DeployFiles.kubernetesObjects()) {
            assertTrue(object.hasNonNull("apiVersion"), "no apiVersion: " + object);
            if (!"Kustomization".equals(object.path("kind").asText())) {
                assertFalse(object.path("metadata").path("name").asText().isBlank(), "no name: " + object);
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretTemplate() throws IOException {
        JsonNode kustomization = DeployFiles.kubernetesObjects().stream()
                .filter(o -> "Kustomization".equals(o.path("kind").asText())).findFirst().orElseThrow();
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(DeployFiles.KUBERNETES)) {
            files.map(f -> f.getFileName().toString()).forEach(present::add);
        }
        present.removeAll(Set.of("kustomization.yaml", "secret.yaml"));
        assertEquals(present, listed, "kubectl apply -k must create everything except the secret (applied on its own)");
    }

    @Test
    void theAppRunsAtLeastTwoReplicasBehindAServiceAndADisruptionBudget() {
        JsonNode deployment = DeployFiles.get("Deployment", APP);
        int replicas = deployment.path("spec").path("replicas").asInt(1);
        assertTrue(replicas >= 2, "replicas: " + replicas);
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode service = DeployFiles.get("Service", APP);
        assertSelects(service.path("spec").path("selector"), podLabels, "Service");
        Set<String> containerPorts = new TreeSet<>();
        DeployFiles.appContainer().path("ports").forEach(p -> {
            containerPorts.add(p.path("name").asText());
            containerPorts.add(p.path("containerPort").asText());
        });
        service.path("spec").path("ports").forEach(p -> assertTrue(containerPorts.contains(p.path("targetPort").asText()),
                "Service targets port " + p.path("targetPort") + ", the container has " + containerPorts));
        JsonNode budget = DeployFiles.get("PodDisruptionBudget", APP);
        assertSelects(budget.path("spec").path("selector").path("matchLabels"), podLabels, "PodDisruptionBudget");
        assertTrue(budget.path("spec").path("minAvailable").asInt() < replicas, "a drain could never proceed");
    }

    @Test
    void theGracePeriodBeforeSigkillCoversTheAppsGracefulShutdown() throws IOException {
        java.util.Properties app = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        // serving while leaving the Service, the requests in flight, the solvers (RoundJobs: 10 s), the job runs
        // (Leases: 10 s), then a margin
        long needed = seconds(app.getProperty("%prod.quarkus.shutdown.delay"))
                + seconds(app.getProperty("quarkus.shutdown.timeout")) + 10 + 10 + 5;
        long kubernetes = DeployFiles.get("Deployment", APP).path("spec").path("template").path("spec")
                .path("terminationGracePeriodSeconds").asLong(30);
        assertTrue(kubernetes >= needed, "terminationGracePeriodSeconds " + kubernetes + " < " + needed);
        long compose = seconds(DeployFiles.compose().path("services").path("app").path("stop_grace_period").asText("10s"));
        assertTrue(compose >= needed, "compose stop_grace_period " + compose + " s < " + needed);
    }

    /** "20s", "1m" as seconds. */
    private static long seconds(String duration) {
        assertTrue(duration != null && duration.matches("\\d+[sm]"), "a duration like 20s: " + duration);
        long value = Long.parseLong(duration.substring(0, duration.length() - 1));
        return duration.endsWith("m") ? value * 60 : value;
    }

    @Test
    void theAppHasStartupReadinessAndLivenessProbesOnTheHealthEndpoints() {
        JsonNode container = DeployFiles.appContainer();
        Set<String> ports = new TreeSet<>();
        container.path("ports").forEach(p -> {
            ports.add(p.path("name").asText());
            ports.add(p.path("containerPort").asText());
        });
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertTrue(httpGet.path("path").asText().startsWith("/q/health/"), probe + ": " + httpGet);
            assertTrue(ports.contains(httpGet.path("port").asText()), probe + " asks port " + httpGet.path("port"));
        }
        // Liveness must not include the database check, or a database outage restarts every replica.
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals(Set.of("/q/health/started", "/q/health/ready", "/q/health/live"), DeployFiles.appHealthPaths());
    }

    @Test
    void everyContainerHasResourceRequestsAndLimits() {
        for (JsonNode workload : DeployFiles.workloads()) {
            for (JsonNode container : DeployFiles.containers(workload)) {
                String where = workload.path("metadata").path("name").asText() + "/" + container.path("name").asText();
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertFalse(container.path("resources").path(bound).path(resource).asText().isBlank(),
                                where + " has no " + bound + "." + resource);
                    }
                }
            }
        }
    }

    @Test
    void postgresqlRunsAsAStatefulSetWithAPersistentVolume() {
        JsonNode postgres = DeployFiles.get("StatefulSet", "bridgeway-postgres");
        assertEquals(1, postgres.path("spec").path("replicas").asInt());
        JsonNode claim = postgres.path("spec").path("volumeClaimTemplates").path(0);
        assertFalse(claim.path("spec").path("resources").path("requests").path("storage").asText().isBlank(), claim.toString());
        String claimName = claim.path("metadata").path("name").asText();
        JsonNode mount = DeployFiles.containers(postgres).get(0).path("volumeMounts").path(0);
        assertEquals(claimName, mount.path("name").asText());
        assertEquals("/var/lib/postgresql/data", mount.path("mountPath").asText());
        DeployFiles.get("Service", postgres.path("spec").path("serviceName").asText());
    }

    @Test
    void everySecretAndConfigMapReferenceResolves() {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : DeployFiles.workloads()) {
            for (JsonNode container : DeployFiles.containers(workload)) {
                String where = workload.path("metadata").path("name").asText() + "/" + container.path("name").asText();
                for (JsonNode source : container.path("envFrom")) {
                    referenced(source.path("configMapRef"), "ConfigMap", null, where, problems);
                    referenced(source.path("secretRef"), "Secret", null, where, problems);
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    referenced(from.path("configMapKeyRef"), "ConfigMap", from.path("configMapKeyRef").path("key").asText(), where, problems);
                    referenced(from.path("secretKeyRef"), "Secret", from.path("secretKeyRef").path("key").asText(), where, problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSecretHoldsTheSessionKeyDatabaseAndSmtpCredentialsAndNoCommittedValues() {
        JsonNode secret = DeployFiles.get("Secret", "bridgeway-secrets");
        JsonNode data = secret.path("stringData");
        for (String key : List.of("BRIDGEWAY_SESSION_KEY", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME",
                "QUARKUS_MAILER_PASSWORD")) {
            assertTrue(data.has(key), "the Secret lacks " + key);
            assertEquals("", data.path(key).asText(), key + " must not have a committed value (pitfall 15)");
        }
        assertFalse(secret.has("data"), "values belong in a secret store, not in the repository");
        JsonNode config = DeployFiles.get("ConfigMap", "bridgeway-config").path("data");
        for (String secretKey : List.of("BRIDGEWAY_SESSION_KEY", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_PASSWORD")) {
            assertFalse(config.has(secretKey), secretKey + " belongs in the Secret");
        }
    }

    /** A typo (QUARKUS_DATASOURCE_JDBC_ULR) would be ignored silently by the app: here it fails. */
    @Test
    void everyQuarkusAndBridgewayVariableIsASettingTheAppReadsAtRunTime() {
        KnownSettings known = KnownSettings.load();
        List<String> problems = new ArrayList<>();
        for (String env : appVariables()) {
            if (!known.knows(env)) {
                problems.add(env + " is not a setting of the app (application.properties, BridgewayConfig, Quarkus)");
            } else if (known.buildTimeOnly(env)) {
                problems.add(env + " is fixed when the image is built; setting it at run time has no effect");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(known.knows("QUARKUS_DATASOURCE_JDBC_ULR"));
        assertFalse(known.knows("BRIDGEWAY_SESION_KEY"));
        assertTrue(known.buildTimeOnly("QUARKUS_DATASOURCE_DB_KIND"));
    }

    @Test
    void theImageAndEveryDatabaseUrlArePostgresql() {
        String dockerfile = String.join("\n", DeployFiles.dockerfileLines());
        assertTrue(dockerfile.contains("-Dquarkus.datasource.db-kind=postgresql"), "db-kind is fixed at build time");
        String configMapUrl = DeployFiles.get("ConfigMap", "bridgeway-config").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        String composeUrl = DeployFiles.compose().path("services").path("app").path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertTrue(configMapUrl.startsWith("jdbc:postgresql://bridgeway-postgres:5432/"), configMapUrl);
        assertTrue(composeUrl.startsWith("jdbc:postgresql://postgres:5432/"), composeUrl);
    }

    @Test
    void theImageRunsOnAJava17BaseAsANonRootUserThatKubernetesEnforces() {
        List<String> lines = DeployFiles.dockerfileLines();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertFalse(froms.isEmpty(), "no FROM");
        String runtimeImage = froms.get(froms.size() - 1).split("\\s+")[1];
        assertTrue(runtimeImage.matches("(eclipse-temurin:17[-.\\w]*|registry\\.access\\.redhat\\.com/ubi9/openjdk-17[-\\w]*(:.*)?)"),
                "runtime base image: " + runtimeImage);
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((first, last) -> last)
                .map(l -> l.substring(5).strip()).orElseThrow(() -> new AssertionError("no USER: the image would run as root"));
        assertTrue(user.matches("\\d+"), "a numeric USER lets runAsNonRoot verify it: " + user);
        assertNotEquals("0", user);
        JsonNode podSecurity = DeployFiles.get("Deployment", APP).path("spec").path("template").path("spec").path("securityContext");
        assertTrue(podSecurity.path("runAsNonRoot").asBoolean(), podSecurity.toString());
        assertEquals(user, podSecurity.path("runAsUser").asText());
        assertTrue(lines.stream().anyMatch(l -> l.contains("quarkus-run.jar")), "runs the fast-jar");
    }

    /**
     * The class-data archive fits only the JVM and the jar files of its training start: the training stage must run
     * the runtime image's JDK at the runtime's path, start the jar at the path the image starts it from, and hand
     * the very files it trained on to the last stage, which starts with the archive.
     */
    @Test
    void theImageStartsWithAnArchiveTrainedOnItsOwnJdkAndJars() throws Exception {
        List<String> lines = DeployFiles.dockerfileLines();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        String runtimeImage = froms.get(froms.size() - 1).split("\\s+")[1];
        assertTrue(lines.contains("COPY --from=" + runtimeImage + " /opt/java/openjdk /opt/java/openjdk"),
                "the training stage runs the JDK of " + runtimeImage);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN JAVA=/opt/java/openjdk/bin/java timeout 600 bash /usr/local/bin/train-cds.sh /deployments")));
        int lastFrom = lines.indexOf(froms.get(froms.size() - 1));
        List<String> runtimeStage = lines.subList(lastFrom, lines.size());
        List<String> copies = runtimeStage.stream().filter(l -> l.startsWith("COPY ")).toList();
        assertFalse(copies.isEmpty());
        assertTrue(copies.stream().allMatch(l -> l.startsWith("COPY --from=train ")),
                "every file the archive names comes from the training stage, with its file times: " + copies);
        assertTrue(copies.stream().anyMatch(l -> l.contains("/deployments/app.jsa")), "the archive is copied");
        String runtime = String.join("\n", runtimeStage);
        assertTrue(runtime.contains("-XX:SharedArchiveFile=/deployments/app.jsa"), "started with the archive");
        // the training's pointers: a start without them would drop the archive without a word
        assertTrue(runtime.contains("-XX:+UseCompressedOops"));
        assertTrue(runtime.contains("-jar /deployments/quarkus-run.jar"), "the jar path the training used");

        Path script = DeployFiles.DEPLOY.resolve("train-cds.sh");
        String training = Files.readString(script);
        assertTrue(training.contains("-XX:ArchiveClassesAtExit=\"$APP_DIR/app.jsa\""));
        assertTrue(training.contains("-XX:+UseCompressedOops"));
        assertTrue(training.contains("-jar \"$APP_DIR/quarkus-run.jar\""));
        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String problems = new String(syntax.getInputStream().readAllBytes());
        assertEquals(0, syntax.waitFor(), "bash -n " + script + ": " + problems);
    }

    @Test
    void composeRunsTheAppPostgresqlAndMailpitWithHealthchecks() {
        JsonNode services = DeployFiles.compose().path("services");
        for (String service : List.of("app", "postgres", "mailpit")) {
            assertTrue(services.has(service), "compose lacks " + service);
            assertFalse(services.path(service).path("healthcheck").path("test").isEmpty(), service + " has no healthcheck");
        }
        JsonNode app = services.path("app");
        assertEquals("service_healthy", app.path("depends_on").path("postgres").path("condition").asText());
        assertEquals("deploy/Dockerfile", app.path("build").path("dockerfile").asText());
        assertTrue(Files.exists(DeployFiles.DEPLOY.resolve(app.path("build").path("context").asText()).resolve("pom.xml")));
        assertEquals("mailpit", app.path("environment").path("QUARKUS_MAILER_HOST").asText());
        assertTrue(app.path("environment").path("BRIDGEWAY_SESSION_KEY").asText().contains(":?"),
                "compose must refuse to start without a session key instead of inventing one");
    }

    @Test
    void operationsGuideDocumentsEveryVariableTheManifestsSet() throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md"));
        List<String> missing = appVariables().stream().filter(env -> !guide.contains(env)).toList();
        assertTrue(missing.isEmpty(), "docs/operations.md does not mention " + missing);
    }

    /** Every QUARKUS_ / BRIDGEWAY_ name the deployment files give the app (and the keys of its ConfigMap and Secret). */
    private static Set<String> appVariables() {
        Set<String> names = new TreeSet<>();
        for (String kind : List.of("ConfigMap", "Secret")) {
            for (JsonNode object : DeployFiles.kubernetesObjects()) {
                if (kind.equals(object.path("kind").asText())) {
                    object.path("data").fieldNames().forEachRemaining(names::add);
                    object.path("stringData").fieldNames().forEachRemaining(names::add);
                }
            }
        }
        DeployFiles.appContainer().path("env").forEach(e -> names.add(e.path("name").asText()));
        DeployFiles.compose().path("services").path("app").path("environment").fieldNames().forEachRemaining(names::add);
        names.removeIf(n -> !n.startsWith("QUARKUS_") && !n.startsWith("BRIDGEWAY_"));
        return names;
    }

    private static void referenced(JsonNode reference, String kind, String key, String where, List<String> problems) {
        if (reference.isMissingNode()) {
            return;
        }
        String name = reference.path("name").asText();
        var target = DeployFiles.find(kind, name);
        if (target.isEmpty()) {
            problems.add(where + " uses " + kind + " " + name + ", which deploy/kubernetes does not define");
        } else if (key != null && !target.get().path("data").has(key) && !target.get().path("stringData").has(key)) {
            problems.add(where + " uses key " + key + " of " + kind + " " + name + ", which it does not hold");
        }
    }

    private static void assertSelects(JsonNode selector, JsonNode labels, String what) {
        assertFalse(selector.isEmpty(), what + " has an empty selector");
        for (Iterator<String> it = selector.fieldNames(); it.hasNext();) {
            String label = it.next();
            if (!selector.path(label).equals(labels.path(label))) {
                fail(what + " selects " + label + "=" + selector.path(label) + ", the pods have " + labels);
            }
        }
    }
}
