package org.example.board

import io.ktor.client.*
import io.ktor.client.request.*
import io.ktor.server.application.*

// Lookalikes: a client's calls, and a builder DSL with the same verbs
// outside any router, register no route.
suspend fun fetchUpstream(client: HttpClient) {
    client.get("https://upstream.example/posts") { header("Accept", "application/json") }
    client.post("https://upstream.example/posts") { }
}

fun fixtures(builder: Recorder) {
    builder.apply {
        get("/recorded") { reply(200) }
        delete("/recorded") { reply(204) }
    }
}
