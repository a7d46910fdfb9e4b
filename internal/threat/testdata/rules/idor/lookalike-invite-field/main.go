package main

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"

	"gorm.io/gorm"
)

// Teams of an app with accounts. A team's owner shares its invite link;
// the code in it is a second key the server draws at random, and holding
// the link is what lets a signed-in user join.
type User struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex"`
	PasswordHash string
}

type Team struct {
	ID         uint `gorm:"primaryKey"`
	OwnerID    uint `gorm:"index"`
	Owner      User
	Name       string `gorm:"not null"`
	InviteCode string `gorm:"uniqueIndex"`
}

var db *gorm.DB

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /teams", requireUser(http.HandlerFunc(createTeam)))
	mux.Handle("GET /invite/{code}", requireUser(http.HandlerFunc(showInvite)))
	http.ListenAndServe(":8080", mux)
}

func createTeam(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		http.Error(w, "no entropy", http.StatusInternalServerError)
		return
	}
	team := Team{OwnerID: currentUser(r).ID, Name: r.FormValue("name")}
	team.InviteCode = hex.EncodeToString(b)
	db.Create(&team)
}

func showInvite(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	var team Team
	if err := db.Where(&Team{InviteCode: code}).First(&team).Error; err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(team.Name))
}
