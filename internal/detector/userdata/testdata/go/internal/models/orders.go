package models

import "gorm.io/gorm"

// Buyer is a person. want: asset user-data Buyer Email
type Buyer struct {
	gorm.Model
	Email string
}

// Order belongs to a buyer: the key and the struct beside it. want: asset user-data Order Total
type Order struct {
	gorm.Model
	BuyerID uint
	Buyer   Buyer
	Total   int
}

// Refund belongs to an order through the key its tag references. want: asset user-data Refund Amount
type Refund struct {
	ID      uint `gorm:"primaryKey"`
	OrderID uint `sql:"type:int REFERENCES orders(id)"`
	Amount  int
}

// Catalog lists orders (has-many): a list is not ownership.
type Catalog struct {
	gorm.Model
	Title  string
	Orders []Order
}

// Shipment names its creator in a string: no relation.
type Shipment struct {
	ID        uint `gorm:"primaryKey"`
	CreatedBy string
	Carrier   string
}
