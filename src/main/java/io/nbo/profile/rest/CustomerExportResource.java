package io.nbo.profile.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.transfer.CustomerExport;
import io.nbo.profile.transfer.CustomerImports;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every customer as a file, streamed. */
@Path("/api/customers/export")
@Tag(name = "Customer imports and exports")
@RolesAllowed(Roles.ADMIN)
public class CustomerExportResource {

    private final CustomerExport export;

    public CustomerExportResource(CustomerExport export) {
        this.export = export;
    }

    @GET
    @Produces({"text/csv", "application/x-ndjson", "application/problem+json"})
    @Operation(summary = "Every customer as CSV or JSON lines, in id order, streamed",
            description = "The columns an import reads (built-in fields, then the declared attributes), so the file "
                    + "imports back unchanged. Holds personal data: admins only.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "400", description = "An unknown format")
    public Response export(@QueryParam("format") @DefaultValue("csv") @Parameter(description = "csv or jsonl")
                           String format) {
        CustomerImports.Format f = switch (format) {
            case "csv" -> CustomerImports.Format.CSV;
            case "jsonl", "ndjson" -> CustomerImports.Format.JSONL;
            default -> throw new InvalidFieldProblem("format", "format is csv or jsonl, got " + Values.quote(format));
        };
        StreamingOutput body = out -> export.write(out, f);
        return Response.ok(body, f == CustomerImports.Format.CSV ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"customers." + (f == CustomerImports.Format.CSV
                        ? "csv" : "jsonl") + "\"").build();
    }
}
