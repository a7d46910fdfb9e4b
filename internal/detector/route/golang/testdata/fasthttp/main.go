package main

import (
	"log"

	"github.com/fasthttp/router"
	"github.com/valyala/fasthttp"
)

func main() {
	r := router.New()
	r.GET("/", index)                               // want: GET /
	r.GET("/files/{name?}", showFile)               // want: GET /files/{name}
	r.POST("/admin/reindex", withKey(reindex))      // want: POST /admin/reindex
	r.Handle("PURGE", "/cache/{key:[a-z]+}", purge) // want: PURGE /cache/{key}
	v1 := r.Group("/v1")
	v1.GET("/orders/{id}", withKey(showOrder))       // want: GET /v1/orders/{id}
	v1.ANY("/echo", index)                           // want: ANY /v1/echo
	r.ServeFiles("/static/{filepath:*}", "./public") // want: GET /static/{filepath}
	log.Fatal(fasthttp.ListenAndServe(":8080", r.Handler))
}

// withKey turns away a request without the service key.
func withKey(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		if string(ctx.Request.Header.Peek("X-Api-Key")) == "" {
			ctx.SetStatusCode(fasthttp.StatusUnauthorized)
			return
		}
		next(ctx)
	}
}

func index(ctx *fasthttp.RequestCtx) { ctx.WriteString("home") }

func showFile(ctx *fasthttp.RequestCtx) {}

func reindex(ctx *fasthttp.RequestCtx) {}

func purge(ctx *fasthttp.RequestCtx) {}

func showOrder(ctx *fasthttp.RequestCtx) {}
