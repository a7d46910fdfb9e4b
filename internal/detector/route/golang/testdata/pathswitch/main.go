package main

import (
	"log"
	"net/http"
	"strings"

	"example.com/paste/api"
	"example.com/paste/web"
)

func main() {
	site := web.New()
	apiData, err := api.Load()
	if err != nil {
		log.Fatal(err)
	}
	// Both packages declare a Hand method: the receiver's maker says which runs.
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		site.Hand(w, r)
	})
	http.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		apiData.Hand(w, r)
	})
	// A switch on the path that only picks a content type: one route.
	http.HandleFunc("/assets/", assets) // want: ANY /assets
	// A switch on the first segment of the path StripPrefix leaves.
	http.Handle("/shop/", http.StripPrefix("/shop", http.HandlerFunc(shop)))
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func assets(w http.ResponseWriter, r *http.Request) {
	ct := "application/octet-stream"
	switch r.URL.Path {
	case "/assets/style.css":
		ct = "text/css"
	case "/assets/app.js":
		ct = "text/javascript"
	}
	w.Header().Set("Content-Type", ct)
	w.Write(bundle)
}

var bundle []byte

// shop dispatches on the first segment of the path.
func shop(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch parts[0] {
	case "cart": // want: ANY /shop/cart
		showCart(w, r)
	case "orders": // want: GET /shop/orders; POST /shop/orders
		switch r.Method {
		case http.MethodGet:
			listOrders(w, r)
		case http.MethodPost:
			placeOrder(w, r)
		}
	}
}

func showCart(w http.ResponseWriter, r *http.Request)   {}
func listOrders(w http.ResponseWriter, r *http.Request) {}
func placeOrder(w http.ResponseWriter, r *http.Request) {}
