package io.nbo.contact.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One activation of a contact-policy version. The newest row is the live policy. Never leaves this package. */
@Entity
@Table(name = "policy_activation")
class PolicyActivationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "version_id")
    Long versionId;
    @Column(name = "activated_at")
    OffsetDateTime activatedAt;
    @Column(name = "activated_by")
    String activatedBy;
    String origin;
    String detail;
}
