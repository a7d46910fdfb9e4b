package migration

// folders20240101 reads the folders table to move its rows to boards; the
// migration then drops it: no folders today.
type folders20240101 struct {
	ID      int64  `xorm:"bigint autoincr pk"`
	Name    string `xorm:"varchar(250)"`
	Comment string `xorm:"text"`
	OwnerID int64  `xorm:"bigint"`
}

func (folders20240101) TableName() string { return "folders" }

type engine interface{ DropTables(names ...string) error }

func up(tx engine) error {
	return tx.DropTables("folders", "folder_members")
}
