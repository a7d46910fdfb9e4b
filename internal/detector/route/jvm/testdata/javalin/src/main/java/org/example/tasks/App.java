package org.example.tasks;

import static io.javalin.apibuilder.ApiBuilder.*;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.Javalin;
import io.javalin.http.UnauthorizedResponse;

public class App {
    static final String API = "/api";

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.accessManager((handler, ctx, roles) -> {
                if (roles.contains(Role.ANYONE)) {
                    handler.handle(ctx);
                } else if (ctx.sessionAttribute("user") != null && roles.contains(Sessions.role(ctx))) {
                    handler.handle(ctx);
                } else {
                    throw new UnauthorizedResponse();
                }
            });
        });

        app.before("/admin/*", ctx -> {
            if (ctx.sessionAttribute("user") == null) {
                throw new UnauthorizedResponse();
            }
        });

        app.get("/", ctx -> ctx.result("tasks")); // want: GET /
        app.get("/admin/stats", ctx -> ctx.json(Stats.now())); // want: GET /admin/stats

        app.routes(() -> {
            path(API, () -> {
                get("/health", ctx -> ctx.result("ok"), Role.ANYONE); // want: GET /api/health
                path("tasks", () -> {
                    get(TaskController::list, Role.ANYONE); // want: GET /api/tasks
                    post(TaskController::create, Role.MEMBER); // want: POST /api/tasks
                    path("{id}", () -> {
                        delete(TaskController::remove, Role.MEMBER); // want: DELETE /api/tasks/{id}
                    });
                });
            });
        });
        app.start(7070);
    }

    // Lookalike: a cache's get with a loader is no route.
    static String cached(Cache<String, String> cache) {
        return cache.get("/api/tasks", key -> "none");
    }
}
