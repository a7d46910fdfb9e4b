package main

import (
	"net/http"

	"example.com/cookiewrap/web"
)

func main() {
	// want: ANY /panel auth=required
	http.HandleFunc("/panel", web.Session(web.Panel))
	// want: ANY /theme auth=none
	http.HandleFunc("/theme", web.Prefs(web.Panel))
	// want: ANY /signin auth=none
	http.HandleFunc("/signin", web.Panel)
	http.ListenAndServe(":8080", nil)
}
