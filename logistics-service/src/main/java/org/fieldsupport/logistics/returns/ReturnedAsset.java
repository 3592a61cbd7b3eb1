package org.fieldsupport.logistics.returns;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One asset of a return (tag or serial number), and its condition once received. */
@Entity
@Table(name = "returned_asset")
@IdClass(ReturnedAsset.Key.class)
public class ReturnedAsset extends PanacheEntityBase {

    @Id
    @Column(name = "return_id")
    public UUID returnId;

    @Id
    public String asset;

    @Enumerated(EnumType.STRING)
    public Condition condition;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Composite identifier. */
    public static class Key implements Serializable {
        public UUID returnId;
        public String asset;

        public Key() {
        }

        public Key(UUID returnId, String asset) {
            this.returnId = returnId;
            this.asset = asset;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.returnId.equals(returnId) && k.asset.equals(asset);
        }

        @Override
        public int hashCode() {
            return Objects.hash(returnId, asset);
        }
    }
}
