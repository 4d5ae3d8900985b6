package io.nbo.offer.persistence;

import io.nbo.common.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** An offer row. Never leaves the offer package: the rest of the server reads {@link io.nbo.offer.Offer}. */
@Entity
@Table(name = "offer")
public class OfferEntity {

    @Id
    public String id;
    public String name;
    public String description;
    public String category;
    public String kind;
    @Column(name = "business_value")
    public BigDecimal businessValue;
    @Convert(converter = StringListConverter.class)
    public List<String> channels;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "window_start")
    public LocalTime windowStart;
    @Column(name = "window_end")
    public LocalTime windowEnd;
    @Column(name = "offer_group")
    public String offerGroup;
    public double priority;
    public boolean active;
    /** When the offer was retired (DELETE): it stops being a candidate but stays for history; null while it serves. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;
    /** Written by the sample loader and not changed through the API since: removed with the sample data. */
    public boolean sample;
    @Version
    public int version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
