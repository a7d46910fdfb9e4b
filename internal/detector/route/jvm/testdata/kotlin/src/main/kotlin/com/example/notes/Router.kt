package com.example.notes

import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.stereotype.Component
import org.springframework.web.reactive.function.server.*

@Configuration
class Router {
    @Bean
    fun items(handler: ItemHandler) = coRouter {
        "/api/fn".nest {
            GET("/items", handler::list) // want: GET /api/fn/items
            POST("/items/{id}", handler::update) // want: POST /api/fn/items/{id}
        }
    }
}

@Component
class ItemHandler(private val items: ItemRepository) {
    suspend fun list(request: ServerRequest): ServerResponse = ServerResponse.ok().bodyValueAndAwait(items.findAll())

    suspend fun update(request: ServerRequest): ServerResponse {
        val item = request.awaitBody<Item>()
        return ServerResponse.ok().bodyValueAndAwait(items.save(item))
    }
}
