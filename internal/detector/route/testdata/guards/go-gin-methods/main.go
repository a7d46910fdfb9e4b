package main

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"golang.org/x/oauth2"
)

// Auth holds guards as methods that share one check.
type Auth struct {
	conf *oauth2.Config
	fx   interface {
		Exchange(c *gin.Context, amount string) (string, error)
	}
	wa interface {
		FinishLogin(user string, r *http.Request) (string, error)
		FinishRegistration(user string, r *http.Request) (string, error)
	}
}

// RequireClient answers 401 (through the shared helper) without a token.
func (a *Auth) RequireClient(c *gin.Context) { a.checkOr401(c, a.client) }

// RequireAdmin is the same check for an admin.
func (a *Auth) RequireAdmin(c *gin.Context) { a.checkOr401(c, a.admin) }

// Optional sets the caller when a token is valid and goes on when none is
// sent: only a malformed token is refused.
func (a *Auth) Optional(c *gin.Context) {
	if !a.check(c, a.client) {
		c.Next()
	}
}

func (a *Auth) check(c *gin.Context, ok func(string) bool) bool {
	tok := c.GetHeader("X-Token")
	if tok == "" {
		return false
	}
	if !ok(tok) {
		c.AbortWithError(401, errors.New("bad token"))
		return true
	}
	c.Next()
	return true
}

func (a *Auth) checkOr401(c *gin.Context, ok func(string) bool) {
	if !a.check(c, ok) {
		c.AbortWithError(401, errors.New("sign in"))
	}
}

func (a *Auth) client(tok string) bool { return tok != "" }
func (a *Auth) admin(tok string) bool  { return tok == "root" }

func main() {
	a := &Auth{}
	r := gin.New()
	r.POST("/login", login)                        // want: POST /login auth=none
	r.GET("/oauth/return", a.back)                 // want: GET /oauth/return auth=none
	r.POST("/convert", a.convert)                  // want: POST /convert auth=required
	r.Group("/feed").Use(a.Optional).GET("", feed) // want: GET /feed auth=none
	api := r.Group("/api")
	api.Use(a.RequireClient)
	api.GET("/notes", feed) // want: GET /api/notes auth=required
	admin := r.Group("/admin", a.RequireAdmin)
	admin.DELETE("/users/:id", feed) // want: DELETE /admin/users/{id} auth=required role=admin
	r.Run()
}

// login checks the password it was sent with basic auth; its 401 answers
// wrong credentials.
func login(c *gin.Context) {
	name, pass, ok := c.Request.BasicAuth()
	if !ok || !ComparePassword(name, pass) {
		c.AbortWithError(http.StatusUnauthorized, errors.New("invalid credentials"))
		return
	}
	c.Status(204)
}

// ComparePassword checks a user's password.
func ComparePassword(name, password string) bool { return name != "" && password != "" }

// back is the provider's redirect: the code is traded for tokens, and a
// failed exchange is a 401 to whoever brought the code.
func (a *Auth) back(c *gin.Context) {
	tok, err := a.conf.Exchange(c, c.Query("code"))
	if err != nil {
		c.AbortWithError(http.StatusUnauthorized, err)
		return
	}
	c.JSON(200, tok)
}

// convert trades money, not an authorization code, for a signed-in caller.
func (a *Auth) convert(c *gin.Context) {
	if c.GetHeader("X-Token") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	out, _ := a.fx.Exchange(c, c.Query("amount"))
	c.String(200, out)
}

// passkeyLogin finishes a passkey sign-in; its 401 answers a bad assertion.
func (a *Auth) passkeyLogin(c *gin.Context) {
	user, err := a.wa.FinishLogin(c.Query("user"), c.Request)
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(200, user)
}

// passkeyAdd registers a passkey for the signed-in caller only.
func (a *Auth) passkeyAdd(c *gin.Context) {
	if c.GetHeader("X-Token") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	out, _ := a.wa.FinishRegistration(c.GetHeader("X-Token"), c.Request)
	c.String(200, out)
}

func feed(c *gin.Context) { c.Status(200) }
