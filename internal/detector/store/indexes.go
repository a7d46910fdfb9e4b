package store

import (
	"bytes"
	"regexp"
	"slices"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// A search or vector index the app writes to disk keeps the text of what
// it indexes (a document's words, its chunks and their embeddings): a
// store of its own, beside the database. An index built in memory only
// (tantivy.Index(schema), Whoosh's RamStorage, a LlamaIndex index never
// persisted) is lost on restart and keeps nothing.

// Kinds of the indexes a library keeps in local files.
const (
	KindSearchIndex = "search-index"
	KindVectorIndex = "vector-index"
)

// localIndex is a call that writes an index to disk, the kind it is and
// the library, and the words a file must import for it to count.
type localIndex struct {
	kind, lib string
	call      *regexp.Regexp
	imports   *regexp.Regexp
}

var localIndexes = []localIndex{
	{KindSearchIndex, "tantivy", regexp.MustCompile(`\btantivy\.Index(?:\.open)?\(`), regexp.MustCompile(`(?m)^\s*import\s+tantivy\b`)},
	{KindSearchIndex, "Whoosh", regexp.MustCompile(`\b(?:create_in|open_dir)\(`), regexp.MustCompile(`(?m)^\s*(?:from|import)\s+whoosh\b`)},
	{KindVectorIndex, "faiss", regexp.MustCompile(`\bfaiss\.write_index\(`), regexp.MustCompile(`(?m)^\s*import\s+faiss\b`)},
	{KindVectorIndex, "sqlite-vec", regexp.MustCompile(`\bsqlite_vec\.load\(`), regexp.MustCompile(`(?m)^\s*import\s+sqlite_vec\b`)},
	{KindVectorIndex, "Chroma", regexp.MustCompile(`\bPersistentClient\(`), regexp.MustCompile(`(?m)^\s*(?:from|import)\s+chromadb\b`)},
	{KindVectorIndex, "LlamaIndex", regexp.MustCompile(`\bstorage_context\.persist\(|\bStorageContext\.from_defaults\(\s*persist_dir\s*=`), regexp.MustCompile(`(?m)^\s*(?:from|import)\s+llama_index\b`)},
}

// localIndexWrites records the search and vector indexes a Python app
// file writes to disk.
func (d *Detector) localIndexWrites(f *detector.File, src []byte) {
	if lang.RoleOf(f.Path).Kind != lang.App {
		return
	}
	for _, ix := range localIndexes {
		if !ix.imports.Match(src) {
			continue
		}
		for _, m := range ix.call.FindAllIndex(src, -1) {
			if ix.lib == "tantivy" && !bytes.HasSuffix(src[m[0]:m[1]], []byte(".open(")) {
				// tantivy.Index(schema, path=p) keeps its folder;
				// tantivy.Index(schema) lives in memory.
				if len(splitArgs(src[m[1]:])) < 2 {
					continue
				}
			}
			ev := facts.Evidence{File: f.Path, Line: code.LineAt(src, m[0])}
			if ix.lib == "sqlite-vec" {
				// Its sqlite3 connection is the index's file, not the
				// app's database.
				d.vectorFiles[f.Path] = true
			}
			d.add(ix.kind, ev)
			d.addBucket(ix.kind, "("+ix.lib+")", ev)
		}
	}
}

// dropVectorFiles takes the SQLite evidence of files that open a vector
// index's database out of the SQLite store (Finish).
func (d *Detector) dropVectorFiles() {
	if len(d.vectorFiles) == 0 {
		return
	}
	ev := slices.DeleteFunc(d.evidence["sqlite"], func(e facts.Evidence) bool { return d.vectorFiles[e.File] })
	if len(ev) == 0 {
		delete(d.evidence, "sqlite")
		return
	}
	d.evidence["sqlite"] = ev
}
