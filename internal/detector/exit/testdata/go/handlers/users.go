package handlers

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/smtp"

	"github.com/gin-gonic/gin"
)

func init() {
	gin.SetMode(gin.DebugMode) // want: exit debug-mode
}

func GetUser(c *gin.Context) {
	log.Printf("headers: %v", c.Request.Header) // want: exit log
	log.Printf("get user %s", c.Param("id"))
	u, err := load(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want: exit error-response
		return
	}
	c.JSON(http.StatusOK, u)
}

func ExportUsers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", "attachment; filename=users.csv") // want: exit export
	cw := csv.NewWriter(w)                                                  // want: exit export
	defer cw.Flush()
	users, err := all()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want: exit error-response
		log.Println("export failed:", err.Error())
		return
	}
	for _, u := range users {
		cw.Write([]string{u.ID, u.Email})
	}
}

func Notify(u User) error {
	payload, _ := json.Marshal(map[string]string{"email": u.Email})
	resp, err := http.Post("https://api.mailchimp.com/3.0/lists/members", "application/json", bytes.NewReader(payload)) // want: exit outbound-call
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	req, _ := http.NewRequest(http.MethodGet, "https://api.github.com/zen", nil)
	_ = req
	_, _ = http.Post("http://localhost:8080/internal", "application/json", nil)
	return smtp.SendMail("smtp.acme.test:587", nil, "noreply@acme.test", []string{u.Email}, []byte("hi")) // want: exit email
}

// The handler's own errors: sentences it wrote, not a driver's.
func Impersonate(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("username")
	if name == "" {
		err := errors.New("username is required")
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	u, err := byName(name)
	if errors.Is(err, ErrNoSuchUser) {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want: exit error-response
		return
	}
	err = fmt.Errorf("cannot sign in as %s: %v", u.ID, err)
	http.Error(w, err.Error(), http.StatusForbidden) // want: exit error-response
}
