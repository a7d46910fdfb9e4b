// Package codeof computes the readers of package code once per file:
// the store and third-party detectors both need a source file with its
// comments blanked and the catalogue services it uses, and share one
// computation of each through detector.Memo. (Package code cannot hold
// these: package detector imports it.)
package codeof

import (
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
)

type strippedKey struct{}

type usesKey struct{}

// Stripped is code.Strip of f in the language of its path (a copy of
// the data for other files), computed once per file. The bytes are
// shared: callers must not modify them.
func Stripped(f *detector.File) []byte {
	return detector.Memo(f, strippedKey{}, func() []byte {
		return code.Strip(code.LangOf(f.Path), f.Data)
	})
}

// Uses is code.Uses of Stripped(f), computed once per file. The slice
// is shared: callers must not modify it.
func Uses(f *detector.File) []code.Use {
	return detector.Memo(f, usesKey{}, func() []code.Use {
		lang := code.LangOf(f.Path)
		if lang == code.Other {
			return nil
		}
		return code.Uses(lang, Stripped(f))
	})
}
