package io.bridgeway.admin;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Department;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.people.ProfileService;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Found;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * Departments and offices: listed with how many people use each, added, renamed, and deleted only
 * while nobody uses them (people keep their department and office history otherwise). Every field is
 * checked before anything is written; every change is audited.
 */
@ApplicationScoped
public class Organisation {

    static final int MAX_NAME = 100;

    /** A department or office as the list shows it; {@code timeZone} is null for departments. */
    public record Unit(long id, String name, String timeZone, long people) {
        public boolean unused() {
            return people == 0;
        }
    }

    public record Units(List<Unit> departments, List<Unit> offices) {
    }

    @Inject
    AuditLog audit;

    @Transactional
    public Units list() {
        return new Units(
                Department.listByName().stream().map(d -> new Unit(d.id, d.name, null,
                        Person.count("department", d))).toList(),
                Office.listByName().stream().map(o -> new Unit(o.id, o.name, o.timeZone,
                        Person.count("office", o))).toList());
    }

    @Transactional
    public Unit department(long id) {
        Department d = Found.orNotFound(Department.<Department>findById(id));
        return new Unit(d.id, d.name, null, Person.count("department", d));
    }

    @Transactional
    public Unit office(long id) {
        Office o = Found.orNotFound(Office.<Office>findById(id));
        return new Unit(o.id, o.name, o.timeZone, Person.count("office", o));
    }

    /** Adds a department ({@code id} null) or renames one; errors under {@code nameField}. */
    @Transactional
    public FormErrors saveDepartment(Long id, String rawName, String nameField) {
        Department department = id == null ? new Department() : Found.orNotFound(Department.findById(id));
        FormErrors errors = FormErrors.none();
        String name = FormFields.line(rawName, MAX_NAME, true, nameField, "Department name", errors);
        if (!name.isEmpty() && Department.count("lower(name) = ?1 and id <> ?2", lower(name), otherThan(id)) > 0) {
            errors.add(nameField, taken("department", name));
        }
        if (errors.any()) {
            return errors;
        }
        String before = department.name;
        department.name = name;
        if (id == null) {
            department.persist();
        }
        audit.record(id == null ? "DEPARTMENT_ADDED" : "DEPARTMENT_RENAMED", "DEPARTMENT", department.id, null,
                before == null ? name : before + " -> " + name);
        return errors;
    }

    /** Adds an office ({@code id} null) or changes one; errors under {@code nameField} and {@code zoneField}. */
    @Transactional
    public FormErrors saveOffice(Long id, String rawName, String rawZone, String nameField, String zoneField) {
        Office office = id == null ? new Office() : Found.orNotFound(Office.findById(id));
        FormErrors errors = FormErrors.none();
        String name = FormFields.line(rawName, MAX_NAME, true, nameField, "Office name", errors);
        if (!name.isEmpty() && Office.count("lower(name) = ?1 and id <> ?2", lower(name), otherThan(id)) > 0) {
            errors.add(nameField, taken("office", name));
        }
        String zone = FormFields.line(rawZone, 64, true, zoneField, "Time zone", errors);
        if (!zone.isEmpty() && !ProfileService.validZone(zone)) {
            errors.add(zoneField, "Unknown time zone. Use a zone like Europe/Berlin.");
        }
        if (errors.any()) {
            return errors;
        }
        String before = office.name;
        office.name = name;
        office.timeZone = zone;
        if (id == null) {
            office.persist();
        }
        audit.record(id == null ? "OFFICE_ADDED" : "OFFICE_CHANGED", "OFFICE", office.id, null,
                (before == null ? name : before + " -> " + name) + " (" + zone + ")");
        return errors;
    }

    /** Deletes an unused department; otherwise a message under "departments" saying why not, and nothing changes. */
    @Transactional
    public FormErrors deleteDepartment(long id) {
        Department department = Found.orNotFound(Department.findById(id));
        return deleteUnused(department, department.name, Person.count("department", department), "department");
    }

    /** Deletes an unused office; otherwise a message under "offices" saying why not, and nothing changes. */
    @Transactional
    public FormErrors deleteOffice(long id) {
        Office office = Found.orNotFound(Office.findById(id));
        return deleteUnused(office, office.name, Person.count("office", office), "office");
    }

    private FormErrors deleteUnused(PanacheEntity unit, String name, long people, String kind) {
        if (people > 0) {
            return FormErrors.none().add(kind + "s", name + " cannot be deleted: " + people
                    + (people == 1 ? " person has" : " people have") + " it as their " + kind + ". Move them to another "
                    + kind + " first.");
        }
        long id = unit.id;
        unit.delete();
        audit.record(kind.toUpperCase(Locale.ROOT) + "_DELETED", kind.toUpperCase(Locale.ROOT), id, null, name);
        return FormErrors.none();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The id a duplicate must not have: the renamed row itself, or none (-1) when adding. */
    private static long otherThan(Long id) {
        return id == null ? -1L : id;
    }

    private static String taken(String kind, String name) {
        return "Another " + kind + " is already called " + name + " (names ignore case). Choose another name.";
    }

}
