package main

import (
	"database/sql"
	htmltemplate "html/template"
	"log"
	"net/http"
	"text/template"
)

var db *sql.DB

func main() {
	var err error
	db, err = sql.Open("mysql", "")
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/wall", wall)
	http.HandleFunc("/wall/safe", wallSafe)
	http.HandleFunc("/wall/count", wallCount)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

type page struct {
	Posts []string
}

// posts reads back what every user wrote on the wall.
func posts() ([]string, error) {
	rows, err := db.Query("select body from posts order by id desc")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		out = append(out, body)
	}
	return out, nil
}

// text/template escapes nothing: a post with a script runs in every
// reader's browser.
func wall(w http.ResponseWriter, r *http.Request) {
	all, _ := posts()
	t, _ := template.ParseFiles("views/wall.gtpl")
	t.Execute(w, page{Posts: all}) // want: xss via=stored
}

// html/template escapes each post for where it is printed.
func wallSafe(w http.ResponseWriter, r *http.Request) {
	all, _ := posts()
	t, _ := htmltemplate.ParseFiles("views/wall.gtpl")
	t.Execute(w, page{Posts: all})
}

// A number scanned from a row is no markup.
func wallCount(w http.ResponseWriter, r *http.Request) {
	var n int
	db.QueryRow("select count(*) from posts").Scan(&n)
	t, _ := template.ParseFiles("views/count.gtpl")
	t.Execute(w, n)
}
