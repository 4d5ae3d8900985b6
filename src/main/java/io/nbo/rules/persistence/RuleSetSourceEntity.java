package io.nbo.rules.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rule file of a version: its exact bytes. Never leaves this package. */
@Entity
@Table(name = "rule_set_source")
class RuleSetSourceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "version_id")
    Long versionId;
    String name;
    String sha256;
    byte[] content;
}
