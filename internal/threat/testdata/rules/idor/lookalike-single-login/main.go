package main

import (
	"crypto/subtle"
	"net/http"
	"os"
	"strconv"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

// A self-hosted reader with one password, read from the environment:
// there is no user table, so whoever is signed in owns every feed.
type Feed struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"not null"`
	Link string `gorm:"not null"`
}

var db *gorm.DB

func main() {
	e := echo.New()
	e.POST("/api/sessions", login)
	api := e.Group("/api", requireSession)
	api.GET("/feeds/:id", showFeed)
	api.DELETE("/feeds/:id", deleteFeed)
	e.Start(":8080")
}

func login(c echo.Context) error {
	given := c.FormValue("password")
	want := os.Getenv("APP_PASSWORD")
	if subtle.ConstantTimeCompare([]byte(given), []byte(want)) != 1 {
		return echo.ErrUnauthorized
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: newSession(), HttpOnly: true, Secure: true})
	return c.NoContent(http.StatusNoContent)
}

func requireSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie("session")
		if err != nil || !validSession(ck.Value) {
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

func showFeed(c echo.Context) error {
	id, _ := strconv.Atoi(c.Param("id"))
	var f Feed
	if err := db.First(&f, id).Error; err != nil {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, f)
}

func deleteFeed(c echo.Context) error {
	id, _ := strconv.Atoi(c.Param("id"))
	return db.Delete(&Feed{}, id).Error
}
