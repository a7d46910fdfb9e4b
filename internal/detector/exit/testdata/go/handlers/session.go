package handlers

import (
	"errors"
	"net/http"
)

var (
	ErrBadSecret = errors.New("incorrect secret")
	ErrMalformed = errors.New("malformed request")
)

// StartSession answers with the fixed sentences it declared; the store's
// own failure is the driver's text.
func StartSession(w http.ResponseWriter, r *http.Request) {
	secret, err := secretFrom(r)
	if err != nil {
		switch err {
		case ErrMalformed:
			http.Error(w, err.Error(), http.StatusBadRequest)
		default:
			http.Error(w, ErrBadSecret.Error(), http.StatusUnauthorized)
		}
		return
	}
	if err := sessions.Save(secret); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want: exit error-response
	}
}

// EndSession: the default case of a switch on err is any error at all.
func EndSession(w http.ResponseWriter, r *http.Request) {
	if err := sessions.Delete(r); err != nil {
		switch err {
		case ErrMalformed:
			http.Error(w, err.Error(), http.StatusBadRequest)
		default:
			http.Error(w, err.Error(), http.StatusInternalServerError) // want: exit error-response
		}
	}
}
