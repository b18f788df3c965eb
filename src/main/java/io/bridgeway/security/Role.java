package io.bridgeway.security;

/** The three roles. Constants rather than an enum so they can be used in @RolesAllowed. */
public final class Role {
    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String PROGRAM_MANAGER = "PROGRAM_MANAGER";
    public static final String ADMIN = "ADMIN";

    private Role() {
    }
}
