package main

import (
	"net/http"
	"strings"
)

// A client of some other API: calls, not routes.
func fetchPrices() error {
	resp, err := http.Get("http://localhost:9000/api/prices")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	req, _ := http.NewRequest("POST", "/api/items", strings.NewReader("{}"))
	_, err = http.DefaultClient.Do(req)
	return err
}
