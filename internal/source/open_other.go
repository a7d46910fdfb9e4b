//go:build !unix

package source

// Elsewhere the stat after opening is the guard.
const (
	openNoBlock  = 0
	openNoFollow = 0
)
