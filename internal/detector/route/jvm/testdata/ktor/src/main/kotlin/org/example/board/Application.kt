package org.example.board

import io.ktor.http.HttpMethod
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.*
import io.ktor.server.auth.*
import io.ktor.server.html.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import kotlinx.html.*

fun Application.module() {
    install(Authentication) {
        basic("staff") { validate { null } }
    }
    routing {
        get("/") { // want: GET /
            call.respondHtml {
                head { title { +"Board" } }
                body { p { +"hello" } }
            }
        }
        route(Paths.API) {
            get("/posts") { // want: GET /api/posts
                call.respond(Board.posts())
            }
            authenticate("staff") {
                post("/posts") { // want: POST /api/posts
                    call.respond(HttpStatusCode.Created)
                }
                route("/posts/{id}") {
                    delete { // want: DELETE /api/posts/{id}
                        call.respond(HttpStatusCode.NoContent)
                    }
                }
            }
            authenticate("staff", optional = true) {
                get("/feed") { // want: GET /api/feed
                    call.respond(Board.posts())
                }
            }
            route("/search", HttpMethod.Post) {
                handle { // want: POST /api/search
                    call.respond(Board.posts())
                }
            }
            post("/posts/{id}/pin") { // want: POST /api/posts/{id}/pin
                call.requireSignedIn()
                call.respond(HttpStatusCode.OK)
            }
            accountRoutes()
        }
        get<Topics.Id> { topic -> // want: GET /topics/{id}
            call.respond(topic.id)
        }
    }
}

// A helper handlers call: it turns away a call with no principal.
suspend fun ApplicationCall.requireSignedIn() {
    if (principal<UserIdPrincipal>() == null) {
        respond(HttpStatusCode.Unauthorized)
    }
}

object Paths {
    const val API = "/api"
}
