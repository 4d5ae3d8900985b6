package io.nbo.sample.rest;

import io.nbo.sample.SampleDataService;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sample-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Sample data", description = "The generated customers and sample catalogue of the embedded default")
public class SampleDataResource {

    private final SampleDataService samples;
    private final SecurityIdentity identity;

    public SampleDataResource(SampleDataService samples, SecurityIdentity identity) {
        this.samples = samples;
        this.identity = identity;
    }

    @DELETE
    @Operation(summary = "Remove the sample data",
            description = "Deletes the generated sample customers and retires the sample offers (kept for history, "
                    + "like any retired offer); unsets the fallback offer if it is a sample one. Rows changed through "
                    + "the API since they were loaded count as real and stay. The sample loader never brings them "
                    + "back. dryRun=true reports what would go and changes nothing. Doing it again changes nothing.")
    @APIResponse(responseCode = "200", description = "What was (or, on a dry run, would be) removed")
    public SampleDataService.Removal remove(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return samples.remove(dryRun, identity.getPrincipal().getName());
    }
}
