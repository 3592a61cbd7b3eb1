package org.fieldsupport.logistics.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What logistics knows of a site: whether an on-site technician (OSS) can hand an accessory over. */
@Entity
@Table(name = "site_profile")
public class SiteProfile extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "oss_handover", nullable = false)
    public boolean ossHandover;

    public static boolean hasOssHandover(String site) {
        SiteProfile profile = findById(site);
        return profile != null && profile.ossHandover;
    }
}
