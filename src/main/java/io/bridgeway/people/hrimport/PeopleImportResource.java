package io.bridgeway.people.hrimport;

import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The upload page over {@link PeopleImport}: choose a file (or paste the CSV), preview it (a dry run: the
 * counts or every error), then import. The previewed text comes back in the text box, so "Import" sends
 * exactly what was checked; the import checks it again and writes all or nothing.
 */
@Path("/admin/people/import")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class PeopleImportResource {

    /** Errors listed on the page; the rest are counted (the API lists them all). */
    static final int SHOWN_ERRORS = 200;

    @Inject
    PeopleImport importer;

    /** What the page shows: nothing yet, a preview, or the errors; {@code csv} fills the text box. */
    public record ImportPage(ImportResult result, String csv, String problem, String columns, String maxSize) {

        public boolean previewed() {
            return result != null && !result.hasErrors();
        }

        public List<ImportError> shownErrors() {
            return result == null ? List.of() : result.errors().stream().limit(SHOWN_ERRORS).toList();
        }

        public int hiddenErrors() {
            return result == null ? 0 : Math.max(0, result.errors().size() - SHOWN_ERRORS);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ImportPage page);
    }

    @GET
    public TemplateInstance form() {
        return Templates.page(page(null, "", null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm("file") FileUpload file, @RestForm("csv") String csv, @RestForm("action") String action) {
        byte[] content = content(file, csv);
        if (content.length > importer.maxBytes()) {
            return render(413, page(null, "", importer.tooLargeMessage()));
        }
        boolean confirmed = "import".equals(action);
        ImportResult result = importer.run(content, !confirmed);
        if (confirmed && !result.hasErrors()) {
            return Flash.redirect("/admin/people/import", "Imported: " + result.created() + " created, "
                    + result.updated() + " updated, " + result.deactivated() + " deactivated.");
        }
        return render(result.hasErrors() ? 422 : 200, page(result, textOf(content), null));
    }

    private ImportPage page(ImportResult result, String csv, String problem) {
        return new ImportPage(result, csv, problem, HrColumn.allHeaders(), importer.maxBytes() / (1024 * 1024) + " MB");
    }

    private static Response render(int status, ImportPage page) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.page(page)).build();
    }

    /** The chosen file, or else the pasted text. */
    private static byte[] content(FileUpload file, String csv) {
        if (file != null && file.size() > 0) {
            try {
                return Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return csv == null ? new byte[0] : csv.getBytes(StandardCharsets.UTF_8);
    }

    /** The file as text for the box; empty when it is not UTF-8 (the error says why). */
    private static String textOf(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return "";
        }
    }
}
