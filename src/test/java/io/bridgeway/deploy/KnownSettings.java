package io.bridgeway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgeway.BridgewayConfig;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings the app knows, as environment variable names (SmallRye's rule: upper case, every other character
 * an underscore). From the Quarkus extensions' own config model (each runtime jar ships
 * META-INF/quarkus-config-doc/quarkus-config-model.json, with the phase of each key), {@link BridgewayConfig},
 * application.properties and the {@code @ConfigProperty} names in the sources.
 */
final class KnownSettings {

    private static final String QUARKUS_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");

    /** Quarkus's keys by environment name, with their phase (RUN_TIME, BUILD_TIME, BUILD_AND_RUN_TIME_FIXED). */
    final Map<String, String> quarkusPhases = new HashMap<>();
    /** The app's own keys (exact) ... */
    final Set<String> appNames = new HashSet<>();
    /** ... and the prefixes of its map-valued keys, such as bridgeway.sso.role-map.&lt;group&gt;. */
    final Set<String> appPrefixes = new HashSet<>();

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static KnownSettings load() {
        KnownSettings known = new KnownSettings();
        known.readQuarkusModels();
        known.readMapping(BridgewayConfig.class, "bridgeway");
        known.readApplicationProperties();
        known.readConfigPropertyNames();
        return known;
    }

    boolean knows(String env) {
        return quarkusPhases.containsKey(env) || appNames.contains(env) || appPrefixes.stream().anyMatch(env::startsWith);
    }

    /** Whether setting this at run time does nothing (or fails the start): the value was fixed when the jar was built. */
    boolean buildTimeOnly(String env) {
        String phase = quarkusPhases.get(env);
        return phase != null && phase.startsWith("BUILD");
    }

    private void readQuarkusModels() {
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> models = Thread.currentThread().getContextClassLoader().getResources(QUARKUS_MODEL);
            while (models.hasMoreElements()) {
                try (InputStream in = models.nextElement().openStream()) {
                    collectProperties(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!quarkusPhases.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
            throw new IllegalStateException("The Quarkus config model is not on the classpath (" + QUARKUS_MODEL + ")");
        }
    }

    private void collectProperties(JsonNode node) {
        if (node.isObject() && node.path("path").has("environmentVariable")) {
            String phase = node.path("phase").asText("RUN_TIME");
            quarkusPhases.put(node.path("path").path("environmentVariable").asText(), phase);
            node.path("additionalPaths").forEach(p -> quarkusPhases.put(p.path("environmentVariable").asText(), phase));
        }
        node.forEach(this::collectProperties);
    }

    private void readMapping(Class<?> mapping, String prefix) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic() || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (Map.class.isAssignableFrom(type)) {
                appPrefixes.add(envName(key) + "_");
            } else if (type.isInterface() && type.getEnclosingClass() == BridgewayConfig.class) {
                readMapping(type, key);
            } else {
                appNames.add(envName(key));
            }
        }
    }

    private void readApplicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            appNames.add(envName(key.replaceFirst("^%[^.]+\\.", "")));
        }
    }

    private void readConfigPropertyNames() {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIG_PROPERTY.matcher(Files.readString(source));
                while (m.find()) {
                    appNames.add(envName(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
