package org.example.club

import io.javalin.Javalin
import io.javalin.apibuilder.ApiBuilder.*
import io.javalin.http.Context
import io.javalin.http.UnauthorizedResponse
import io.javalin.security.RouteRole

enum class Role : RouteRole { GUEST, MEMBER }

fun main() {
    val app = Javalin.create { config ->
        config.router.contextPath = "/club"
        config.accessManager { handler, ctx, permitted ->
            // A caller with no session is a guest.
            val role = ctx.sessionAttribute<Role>("role") ?: Role.GUEST
            if (role !in permitted) {
                throw UnauthorizedResponse()
            }
            handler.handle(ctx)
        }
    }
    app.routes {
        path("events") {
            get(Events::list, Role.GUEST, Role.MEMBER) // want: GET /club/events
            post(Events::create, Role.MEMBER) // want: POST /club/events
        }
    }
    app.get("/ping") { ctx -> ctx.result("pong") } // want: GET /club/ping
    app.start(7000)
}

object Events {
    fun list(ctx: Context) { ctx.json(emptyList<String>()) }
    fun create(ctx: Context) { ctx.status(201) }
}

// Lookalike: a map's get is no route.
fun lookup(settings: Map<String, String>) = settings.get("/events")
