package model

import "time"

// Account carries only JSON tags: gorm learns of it from the store
// package's AutoMigrate. want: asset user-data Account Email,Password
type Account struct {
	ID       string `json:"id"`
	Login    string `json:"login"`
	Password string `json:"-"`
	Email    string `json:"email,omitempty"`

	CreatedAt time.Time `json:"createdAt"`
}

// Share is migrated too, and belongs to an account through its key.
// want: asset user-data Share Label
type Share struct {
	ID        string `json:"id"`
	AccountID string `json:"accountId"`
	Label     string `json:"label"`
}

// Invite has an e-mail but is never migrated nor queried as a model:
// a request body, no table.
type Invite struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}
