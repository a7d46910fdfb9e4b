package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/shelf/internal/store"
)

type server struct {
	db    *sql.DB
	books *store.Books
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	s := &server{db: db, books: store.New(db)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /search/safe", s.searchSafe)
	mux.HandleFunc("GET /books/by-author", s.byAuthor)
	mux.HandleFunc("POST /tools/ping", s.ping)
	mux.HandleFunc("POST /tools/ping-safe", s.pingSafe)
	mux.HandleFunc("GET /covers/{name}", s.cover)
	mux.HandleFunc("GET /covers/safe/{name}", s.coverSafe)
	mux.HandleFunc("GET /covers/local/{name}", s.coverLocal)
	mux.HandleFunc("GET /login/done", s.afterLogin)
	mux.HandleFunc("GET /login/done-safe", s.afterLoginSafe)
	mux.HandleFunc("POST /feeds", s.addFeed)
	mux.HandleFunc("POST /feeds/safe", s.addFeedSafe)
	mux.HandleFunc("GET /hello", s.hello)
	mux.HandleFunc("GET /feed.xml", s.rss)
	mux.HandleFunc("GET /feed-by-hand.xml", s.rssByHand)
	mux.HandleFunc("GET /hello/safe", s.helloSafe)
	mux.HandleFunc("GET /banner", s.banner)
	mux.HandleFunc("GET /greet", s.greet)
	mux.HandleFunc("GET /echo", s.echoText)
	mux.HandleFunc("GET /echo/sniffed", s.echoSniffed)
	mux.HandleFunc("GET /echo/greeting", s.echoGreeting)
	mux.HandleFunc("POST /echo/raw", s.echoRaw)
	mux.HandleFunc("POST /render", s.render)
	mux.HandleFunc("GET /pages", s.page)
	mux.HandleFunc("GET /pages/safe", s.pageSafe)
	mux.HandleFunc("GET /download", serveDownload("files"))
	mux.HandleFunc("POST /uploads", s.upload)
	mux.HandleFunc("POST /uploads/safe", s.uploadSafe)
	mux.HandleFunc("POST /bundles", s.unpack)
	mux.HandleFunc("POST /bundles/safe", s.unpackSafe)
	mux.HandleFunc("POST /mirror", s.mirror)
	mux.HandleFunc("POST /mirror/safe", s.mirrorSafe)
	mux.HandleFunc("POST /move", s.move)
	mux.HandleFunc("POST /move/safe", s.moveSafe)
	mux.HandleFunc("GET /secure", toHTTPS)
	mux.HandleFunc("GET /elsewhere", toHostParam)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
