package org.fieldsupport.logistics.catalogue;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Units of one item available at one location (reserved units are already taken out). */
@Entity
@Table(name = "stock_level")
@IdClass(StockLevel.Key.class)
public class StockLevel extends PanacheEntityBase {

    @Id
    @Column(name = "location_id")
    public String locationId;

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_kind", nullable = false)
    public LocationKind locationKind;

    public String site;

    @Column(nullable = false)
    public int available;

    @Column(name = "low_threshold")
    public Integer lowThreshold;

    @Column(name = "low_reported", nullable = false)
    public boolean lowReported;

    /** Composite identifier. */
    public static class Key implements Serializable {
        public String locationId;
        public String itemCode;

        public Key() {
        }

        public Key(String locationId, String itemCode) {
            this.locationId = locationId;
            this.itemCode = itemCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.locationId.equals(locationId) && k.itemCode.equals(itemCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(locationId, itemCode);
        }
    }
}
