package store

import (
	"gorm.io/gorm"

	"example.test/app/server/model"
)

type Store struct {
	db *gorm.DB
}

func (s *Store) Migrate() error {
	return s.db.AutoMigrate(&model.Account{}, &model.Share{})
}
