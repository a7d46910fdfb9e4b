package org.example.notes;

import spark.Request;
import spark.Response;

public class NoteRoutes {
    public static Object show(Request req, Response res) {
        return req.params(":id");
    }
}
