package main

import (
	"net/http"

	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/sashabaranov/go-openai"
)

func main() {
	e := echo.New()
	e.Use(middleware.Logger())
	e.GET("/", home) // want: GET /
	api := e.Group("/api", echojwt.JWT([]byte("secret")))
	api.GET("/orders/:id", getOrder)                  // want: GET /api/orders/{id}
	api.POST("/chat", chat)                           // want: POST /api/chat
	api.DELETE("/orders/:id", deleteOrder, ownerOnly) // want: DELETE /api/orders/{id}
	e.Any("/proxy/*", proxy)                          // want: ANY /proxy/*
	e.QUERY("/orders/search", searchOrders)           // want: QUERY /orders/search
	api.QUERY("/reports", searchOrders)               // want: QUERY /api/reports
	e.Add(echo.QUERY, "/catalog", searchOrders)       // want: QUERY /catalog
	e.Logger.Fatal(e.Start(":1323"))
}

func home(c echo.Context) error { return c.String(http.StatusOK, "home") }

func getOrder(c echo.Context) error { return nil }

func chat(c echo.Context) error {
	client := openai.NewClient("")
	_ = client
	return nil
}

func deleteOrder(c echo.Context) error { return nil }

func proxy(c echo.Context) error { return nil }

// searchOrders reads its filter from the body; c.QueryParam is no route.
func searchOrders(c echo.Context) error {
	_ = c.QueryParam("sort")
	return nil
}

func ownerOnly(next echo.HandlerFunc) echo.HandlerFunc { return next }
