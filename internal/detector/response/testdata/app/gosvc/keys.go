package main

import (
	"encoding/json"
	"net/http"
)

// KeySummary lists a key without its value: an id and the first letters.
type KeySummary struct {
	ID     string `json:"id"`
	Prefix string `json:"prefix"`
}

// KeyCreated is the one answer that carries the key's value.
type KeyCreated struct {
	KeySummary
	Secret string `json:"secret"`
}

// KeyRevealed is a stored key with its value.
type KeyRevealed struct {
	ID     string `json:"id"`
	Secret string `json:"secret"`
}

// Client names its keys and how long its tokens live: no secret value.
type Client struct {
	ID                   string      `json:"id"`
	AccessTokenLifetimeM int64       `json:"accessTokenLifetimeMinutes"`
	Secret               *KeySummary `json:"secret"`
}

// Vault holds stored keys with their values.
type Vault struct {
	ID     string      `json:"id"`
	Secret *KeyCreated `json:"secret"`
}

// createKey makes a key for the signed-in caller and shows it once.
func createKey(w http.ResponseWriter, r *http.Request) {
	created, value, err := store.CreateKey(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var out KeyCreated
	out.ID, out.Prefix, out.Secret = created.ID, created.Prefix, value
	json.NewEncoder(w).Encode(out)
}

// revealKey hands over a stored key's value again.
func revealKey(w http.ResponseWriter, r *http.Request) {
	stored, err := store.KeyByID(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	var out KeyRevealed
	out.ID, out.Secret = stored.ID, stored.Value
	json.NewEncoder(w).Encode(out) // want: sensitive-response
}

func getClient(w http.ResponseWriter, r *http.Request) {
	var client Client
	db.First(&client, r.PathValue("id"))
	json.NewEncoder(w).Encode(client)
}

func getVault(w http.ResponseWriter, r *http.Request) {
	var vault Vault
	db.First(&vault, r.PathValue("id"))
	json.NewEncoder(w).Encode(vault) // want: sensitive-response
}

func routes(mux *http.ServeMux) {
	mux.Handle("POST /clients/{id}/keys", requireUser(http.HandlerFunc(createKey)))
	mux.Handle("POST /keys/{id}/reveal", requireUser(http.HandlerFunc(revealKey)))
	mux.Handle("GET /clients/{id}", requireUser(http.HandlerFunc(getClient)))
	mux.Handle("GET /vaults/{id}", requireUser(http.HandlerFunc(getVault)))
}

func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
