package models

import (
	"time"

	"gorm.io/gorm"
)

// User is an account. want: asset user-data User Email,PasswordHash; asset integrity User Credits,Plan
type User struct {
	gorm.Model
	Email        string `gorm:"uniqueIndex;not null"`
	PasswordHash string `gorm:"not null"`
	Plan         string `gorm:"default:free"`
	Credits      int
	LastLoginAt  *time.Time
}

// Upload is a stored file. want: asset user-data Upload ObjectKey,OriginalFilename
type Upload struct {
	ID               int64  `bun:"id,pk,autoincrement"`
	UserID           int64  `bun:"user_id"`
	ObjectKey        string `bun:"object_key"`
	OriginalFilename string `bun:"original_filename"`
	SizeBytes        int64  `bun:"size_bytes"`
}

// LoginRequest is a request body, not a table.
type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Counter has a table but nothing personal.
type Counter struct {
	gorm.Model
	Name  string
	Value int
}
