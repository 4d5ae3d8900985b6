package io.nbo.profile.persistence;

import io.nbo.common.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer row. Never leaves the profile package: the rest reads {@link io.nbo.profile.CustomerProfile}. */
@Entity
@Table(name = "customer")
public class CustomerEntity {

    @Id
    public String id;
    public Integer age;
    public String gender;
    public String country;
    public String region;
    @Column(name = "time_zone")
    public String timeZone;
    @Convert(converter = StringListConverter.class)
    public List<String> consents;
    @Convert(converter = StringListConverter.class)
    public List<String> segments;
    @Convert(converter = StringListConverter.class)
    public List<String> tags;
    @Column(name = "lifecycle_stage")
    public String lifecycleStage;
    public String engagement;
    @Column(name = "recency_days")
    public Integer recencyDays;
    public int frequency;
    public BigDecimal monetary;
    @Column(name = "top_categories")
    @Convert(converter = StringListConverter.class)
    public List<String> topCategories;
    @Column(name = "top_items")
    @Convert(converter = StringListConverter.class)
    public List<String> topItems;
    @Column(name = "preferred_channels")
    @Convert(converter = StringListConverter.class)
    public List<String> preferredChannels;
    @Column(name = "predicted_value")
    public BigDecimal predictedValue;
    @Column(name = "churn_risk")
    public double churnRisk;
    @Version
    public int version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
