package main

import (
	"fmt"
	"net/http"

	"github.com/gorilla/feeds"
)

// The feed library writes its XML with every value escaped.
func (s *server) rss(w http.ResponseWriter, r *http.Request) {
	tag := r.URL.Query().Get("tag")
	feed := &feeds.Feed{Title: "Posts tagged " + tag, Link: &feeds.Link{Href: "/"}}
	feed.Items = append(feed.Items, &feeds.Item{Title: tag, Description: "<![CDATA[" + tag + "]]>"})
	out, err := feed.ToRss()
	if err != nil {
		return
	}
	fmt.Fprint(w, out)
}

// The same feed written by hand: the tag goes in as it came.
func (s *server) rssByHand(w http.ResponseWriter, r *http.Request) {
	tag := r.URL.Query().Get("tag")
	out := "<rss><channel><title>Posts tagged " + tag + "</title></channel></rss>"
	fmt.Fprint(w, out) // want: xss via=query
}
