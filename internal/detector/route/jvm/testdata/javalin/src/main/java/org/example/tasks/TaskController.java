package org.example.tasks;

import io.javalin.http.Context;

public class TaskController {
    public static void list(Context ctx) {
        ctx.json(Tasks.all());
    }

    public static void create(Context ctx) {
        ctx.status(201);
    }

    public static void remove(Context ctx) {
        ctx.status(204);
    }
}
