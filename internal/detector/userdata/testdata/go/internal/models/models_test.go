package models

type fakeUser struct {
	Email    string `gorm:"column:email"`
	Password string `gorm:"column:password"`
}
