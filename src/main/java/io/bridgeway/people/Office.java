package io.bridgeway.people;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.List;

@Entity
public class Office extends PanacheEntity {

    @Column(nullable = false, unique = true, length = 100)
    public String name;

    /** IANA zone of the office; a person's own zone defaults to it. */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    public static List<Office> listByName() {
        return listAll(Sort.by("name"));
    }

    public static Office findByName(String name) {
        return find("name", name).firstResult();
    }
}
