package io.bridgeway.web;

import io.bridgeway.BridgewayConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Names this deployment's public address ({@code bridgeway.public-url}, when set) as the API's server in the
 * OpenAPI document, so a client generated from a downloaded document, and Swagger UI behind a proxy, call the
 * right host. Unset (a local run, on whatever port) the document names none and Swagger UI calls the page's
 * own origin. Run once at start: the setting cannot change while the app runs, and a per-request filter would
 * make Quarkus build and render the document for every request (8.5 ms of CPU each, for anyone, not signed in).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentServer implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Unset: keep whatever servers the document has (none, or quarkus.smallrye-openapi.servers).
        servers(ConfigProvider.getConfig().getOptionalValue("bridgeway.public-url", String.class))
                .ifPresent(openAPI::setServers);
    }

    static Optional<List<Server>> servers(Optional<String> publicUrl) {
        return BridgewayConfig.baseUrl(publicUrl)
                .map(url -> List.of(OASFactory.createServer().url(url).description("This Bridgeway")));
    }
}
