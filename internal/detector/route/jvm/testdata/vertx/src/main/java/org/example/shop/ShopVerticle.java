package org.example.shop;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.JWTAuthHandler;

public class ShopVerticle extends AbstractVerticle {
    @Override
    public void start() {
        JWTAuth jwt = Tokens.provider(vertx);
        AuthenticationHandler authHandler = JWTAuthHandler.create(jwt);

        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get("/").handler(ctx -> ctx.end("shop")); // want: GET /
        router.post("/login").handler(this::login); // want: POST /login

        Router api = Router.router(vertx);
        api.route("/orders/*").handler(authHandler);
        api.get("/products").handler(this::products); // want: GET /api/products
        api.get("/orders/:id").handler(this::order); // want: GET /api/orders/{id}
        api.route(HttpMethod.DELETE, "/products/:id").handler(ctx -> { // want: DELETE /api/products/{id}
            if (ctx.user() == null) {
                ctx.fail(401);
                return;
            }
            ctx.response().setStatusCode(204).end();
        });
        router.route("/api/*").subRouter(api);

        router.route("/admin/*").handler(ctx -> {
            if (ctx.session().get("admin") == null) {
                ctx.response().setStatusCode(403).end();
                return;
            }
            ctx.next();
        });
        router.get("/admin/report").handler(this::report); // want: GET /admin/report

        vertx.createHttpServer().requestHandler(router).listen(8080);
    }

    // Lookalike: a web client's requests are calls out, not routes.
    void refresh(WebClient client) {
        client.get(8080, "catalog.internal", "/products").send(ar -> {});
        client.post("/sync").send(ar -> {});
    }

    void login(RoutingContext ctx) { ctx.end(); }
    void products(RoutingContext ctx) { ctx.json(Catalog.all()); }
    void order(RoutingContext ctx) { ctx.json(Orders.find(ctx.pathParam("id"))); }
    void report(RoutingContext ctx) { ctx.json(Reports.today()); }
}
