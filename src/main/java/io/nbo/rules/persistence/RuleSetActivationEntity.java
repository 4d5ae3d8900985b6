package io.nbo.rules.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One activation: the event that made a version live. The newest row is the live version. */
@Entity
@Table(name = "rule_set_activation")
class RuleSetActivationEntity {

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
