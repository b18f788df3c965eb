package io.bridgeway.people;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.List;

@Entity
public class Department extends PanacheEntity {

    @Column(nullable = false, unique = true, length = 100)
    public String name;

    public static List<Department> listByName() {
        return listAll(Sort.by("name"));
    }

    public static Department findByName(String name) {
        return find("name", name).firstResult();
    }
}
