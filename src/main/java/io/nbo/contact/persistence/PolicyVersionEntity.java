package io.nbo.contact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One exact contact-policy file, named by its content hash. Never leaves this package. */
@Entity
@Table(name = "policy_version")
class PolicyVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String version;
    @Column(name = "file_name")
    String fileName;
    String sha256;
    byte[] content;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
    String origin;
    String changed;
    @Column(name = "rule_count")
    int ruleCount;
}
