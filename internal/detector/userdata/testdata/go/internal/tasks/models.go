package tasks

import "time"

// Member signs in: a person. want: asset user-data people Email,Secret
type Member struct {
	ID     int64  `xorm:"bigint autoincr pk"`
	Email  string `xorm:"varchar(250) null"`
	Secret string `xorm:"varchar(250) null"`
}

func (*Member) TableName() string { return "people" }

// Board is a member's through its owner column and the struct beside it,
// which xorm keeps out of the table. want: asset user-data boards Colour,Title
type Board struct {
	ID      int64   `xorm:"bigint autoincr pk"`
	Title   string  `xorm:"varchar(250)"`
	Colour  string  `xorm:"varchar(6)"`
	OwnerID int64   `xorm:"bigint index"`
	Owner   *Member `xorm:"-"`
}

func (Board) TableName() string { return "boards" }

// Card belongs to a board through a key column named for it, of the type
// of the board's own ID. want: asset user-data cards Due,Heading
type Card struct {
	ID      int64     `xorm:"bigint autoincr pk"`
	Heading string    `xorm:"text"`
	Due     time.Time `xorm:"datetime null"`
	BoardID int64     `xorm:"bigint index"`
}

func (*Card) TableName() string { return "cards" }

// Sticker's keys name no model read (a provider's id), or name one with
// an ID of another type: no relation, and nothing personal.
type Sticker struct {
	ID            int64  `xorm:"bigint autoincr pk"`
	Shape         string `xorm:"varchar(20)"`
	ProviderID    int64  `xorm:"bigint"`
	MemberID      string `xorm:"varchar(36)"`
	ParentBoardID int64  `xorm:"bigint"`
}

func (*Sticker) TableName() string { return "stickers" }

// CardView is a request's options: every xorm tag keeps a field out.
type CardView struct {
	BoardID int64  `xorm:"-" param:"board"`
	Search  string `xorm:"-" query:"s"`
}

// MemberWithRole is a join's row: a member folded in, no table of its own.
type MemberWithRole struct {
	Member `xorm:"extends"`
	Admin  bool
	CardID int64
}

func countByBoard() int {
	// A query's row, declared where it is read: no table.
	type cardCount struct {
		BoardID int64 `xorm:"board_id"`
		Count   int64 `xorm:"count"`
	}
	return len([]cardCount{})
}
