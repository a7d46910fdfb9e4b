package org.example.tasks;

import io.javalin.security.RouteRole;

public enum Role implements RouteRole {
    ANYONE, MEMBER
}
