package io.nbo.contact.service;

import io.nbo.config.NboConfig;
import io.nbo.contact.policy.PolicyProblem;
import io.nbo.contact.policy.PolicyTableException;
import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Owns the live contact policy: reads the marketers' table at startup, and on reload or upload swaps in the new one
 * only if every row is valid; otherwise the last good policy stays live and the caller gets every problem, located.
 * Each decision reads the live policy once, at its start, through {@link #current()}, and applies and logs that one.
 */
@Startup
@ApplicationScoped
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final PolicyTableReader reader = new PolicyTableReader();
    private final AtomicReference<Live> live = new AtomicReference<>(new Live(ContactPolicy.NONE, "none"));
    private final Path file;
    private final JdbcVolumeLedger volumes;

    /** The live policy and where it came from. */
    public record Live(ContactPolicy policy, String source) {
    }

    public PolicyService(NboConfig config, JdbcVolumeLedger volumes) {
        this.file = Path.of(config.contact().policyFile());
        this.volumes = volumes;
    }

    @PostConstruct
    void loadAtStartup() {
        if (!Files.exists(file)) {
            LOG.warnf("No contact-policy table at %s: only consent is enforced", file);
            return;
        }
        try {
            reload();
        } catch (PolicyTableException e) {
            LOG.errorf("The contact-policy table %s is invalid, the server cannot start. %s", file, e.getMessage());
            throw e;
        }
    }

    public ContactPolicy current() {
        return live.get().policy();
    }

    public Live live() {
        return live.get();
    }

    /** Re-reads the policy file; keeps the live policy if the file is invalid. */
    public Live reload() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyTableException(List.of(new PolicyProblem(file.getFileName().toString(), null, null,
                    "cannot read the file: " + e.getMessage())));
        }
        return activate(file.getFileName().toString(), text, file.toString());
    }

    /** Validates an uploaded table and makes it live (in memory; the file stays the source at the next start). */
    public Live upload(String text) {
        return activate(file.getFileName().toString(), text, "upload");
    }

    private synchronized Live activate(String name, String text, String source) {
        ContactPolicy policy = reader.read(name, text);
        volumes.configure(policy.rules(PolicyRule.Kind.VOLUME));
        Live next = new Live(policy, source);
        live.set(next);
        LOG.infof("Contact policy %s is live: %d rules from %s", policy.version(), policy.rules().size(), source);
        return next;
    }
}
