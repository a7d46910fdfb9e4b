package share

// ID is a paste's key, a type of its own.
type ID string

func (id ID) String() string { return string(id) }

type Paste struct {
	ID   ID
	Text string
}
