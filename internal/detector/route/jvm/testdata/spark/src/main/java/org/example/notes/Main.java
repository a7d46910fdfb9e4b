package org.example.notes;

import static spark.Spark.*;

import java.util.Map;

public class Main {
    public static void main(String[] args) {
        port(4567);

        before("/notes/*", (req, res) -> {
            if (req.session().attribute("user") == null) {
                halt(401, "sign in first");
            }
        });

        get("/", (req, res) -> "notes"); // want: GET /

        path("/notes", () -> {
            get("/:id", NoteRoutes::show); // want: GET /notes/{id}
            post("/:id/share", (req, res) -> { // want: POST /notes/{id}/share
                res.status(202);
                return "";
            });
        });

        path("/public", () -> {
            get("/feed", (req, res) -> "[]"); // want: GET /public/feed
        });
    }

    // Lookalike: a map's get with a default, and a request's header read,
    // register no route.
    static String lookup(Map<String, String> settings, spark.Request req) {
        return settings.getOrDefault("/notes", req.headers("X-Id"));
    }
}
