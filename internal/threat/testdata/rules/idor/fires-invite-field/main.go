package main

import (
	"net/http"

	"gorm.io/gorm"
)

// The same teams, but the invite code is the owner's choice, read from
// the form: drawn by no generator, it is guessed as a name is.
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
	team := Team{OwnerID: currentUser(r).ID, Name: r.FormValue("name")}
	team.InviteCode = r.FormValue("invite_code")
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
