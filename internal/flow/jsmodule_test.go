package flow

import (
	"context"
	"maps"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// TestImportsWalk: the walk for imports before lowering finds every
// import the whole walk does (ES imports, require and import() anywhere,
// TypeScript's import = require) while visiting a fraction of the nodes.
func TestImportsWalk(t *testing.T) {
	var b strings.Builder
	b.WriteString(`import fs from 'fs'
import { exec as run } from "child_process"
import * as db from './db'
const yaml = require('js-yaml')
const { execSync } = require('child_process')
const get = require('axios').get
`)
	// Plenty of code that imports nothing, between imports nested deep.
	for i := range 40 {
		b.WriteString("function handler" + string(rune('a'+i%26)) + "(req, res) {\n  const q = req.query.q + 'x'\n  if (q) { res.send([1, 2, 3].map(x => x * 2)) }\n  return { a: { b: [q, q] } }\n}\n")
	}
	b.WriteString(`async function later() {
  const { parse } = await import('./parser')
  const cp = require("child_process")
  return { load: function () { return require('./late').run } }
}
exports.x = () => { lazy = require('lazy-mod') }
`)
	check := func(p string, src string, want ...string) {
		t.Helper()
		tr, err := syntax.Parse(context.Background(), lang.Of(p), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		defer tr.Close()
		walk := func(importsOnly bool) *jsFile {
			l := NewLowerer(JS, tr, p)
			m := newJSFile(p)
			m.imports = l.Imports
			m.bindings(l, importsOnly)
			return m
		}
		some, all := walk(true), walk(false)
		if !maps.Equal(some.imports, all.imports) {
			t.Errorf("%s: imports walk found %v, the whole walk %v", p, some.imports, all.imports)
		}
		for _, w := range want {
			if _, ok := all.imports[w]; !ok {
				t.Errorf("%s: no import %s in %v", p, w, all.imports)
			}
		}
		if some.visited*4 > all.visited {
			t.Errorf("%s: imports walk visited %d nodes of %d", p, some.visited, all.visited)
		}
	}
	check("app.js", b.String(), "fs", "run", "db", "yaml", "execSync", "get", "parse", "cp", "lazy")
	check("app.ts", "namespace N {\n  import fs = require('fs')\n}\n"+b.String(), "fs", "run", "lazy")
}
