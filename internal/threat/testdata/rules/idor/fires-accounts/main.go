package main

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// The same reader with accounts: each user signs in with their own
// email and password and keeps their own feeds, yet a feed is loaded by
// its id alone.
type User struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex"`
	PasswordHash string
}

type Feed struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint `gorm:"index"`
	User   User
	Name   string `gorm:"not null"`
	Link   string `gorm:"not null"`
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
	var u User
	if err := db.Where("email = ?", c.FormValue("email")).First(&u).Error; err != nil {
		return echo.ErrUnauthorized
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(c.FormValue("password"))) != nil {
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
