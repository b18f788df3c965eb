package io.bridgeway.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the OpenAPI document to the API ({@value #API_PREFIX}): the HTML pages and their forms are not an
 * interface for scripts, and documenting them made the document three times larger. Quarkus parses and renders
 * the whole document at every start, so its size is start-up time. Runs at build time.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentScope implements OASFilter {

    static final String API_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream()
                .filter(path -> !path.startsWith(API_PREFIX))
                .forEach(openAPI.getPaths()::removePathItem);
    }
}
