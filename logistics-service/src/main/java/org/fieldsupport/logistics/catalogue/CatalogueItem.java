package org.fieldsupport.logistics.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An accessory the desk may order: whether its absence blocks work (a headset does), and its parcel size. */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "blocks_work", nullable = false)
    public boolean blocksWork;

    @Enumerated(EnumType.STRING)
    @Column(name = "parcel_size", nullable = false)
    public ParcelSize parcelSize;
}
