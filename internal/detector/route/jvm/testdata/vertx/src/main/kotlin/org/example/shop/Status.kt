package org.example.shop

import io.vertx.core.Vertx
import io.vertx.ext.web.Router
import io.vertx.kotlin.coroutines.coHandler

// Kotlin handlers are trailing lambdas.
fun statusRouter(vertx: Vertx): Router {
    val status = Router.router(vertx)
    status.get("/status").coHandler { ctx -> // want: GET /status
        ctx.end("up")
    }
    status.post("/status/reset").handler { ctx -> // want: POST /status/reset
        if (ctx.user() == null) {
            ctx.fail(401)
        } else {
            ctx.end()
        }
    }
    return status
}
