package models

// User is the account row; Role and Credits are set by staff only.
type User struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `json:"name"`
	Email   string `json:"email"`
	Role    string `json:"role"`
	Credits int    `json:"credits"`
}

// Pet has nothing a caller may not set.
type Pet struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}
