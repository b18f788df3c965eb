package io.bridgeway.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Names this deployment's public address ({@code bridgeway.public-url}) as the API's server in the OpenAPI
 * document, so a client generated from a downloaded document, and Swagger UI behind a proxy, call the right
 * host. Run per request: the document is then rendered when someone asks for it, not during every start.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ApiDocumentServer implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("bridgeway.public-url", String.class)
                .orElse("http://localhost:8080").replaceAll("/+$", "");
        openAPI.setServers(List.of(OASFactory.createServer().url(publicUrl).description("This Bridgeway")));
    }
}
