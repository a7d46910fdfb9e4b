package org.example.board

import io.ktor.http.HttpStatusCode
import io.ktor.resources.*
import io.ktor.server.auth.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

// Routes built on the route they are called in: /api/account/...
fun Route.accountRoutes() {
    route("/account") {
        intercept(ApplicationCallPipeline.Call) {
            if (call.principal<UserIdPrincipal>() == null) {
                call.respond(HttpStatusCode.Unauthorized)
                finish()
            }
        }
        get("/me") { // want: GET /api/account/me
            call.respond(call.principal<UserIdPrincipal>()!!.name)
        }
    }
}

@Resource("/topics")
class Topics {
    @Resource("{id}")
    class Id(val parent: Topics = Topics(), val id: Long)
}
