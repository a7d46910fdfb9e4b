package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeManyIgnoreTree writes dirs folders of files files each, and a root
// .gitignore of patterns patterns that each match little.
func writeManyIgnoreTree(tb testing.TB, root string, dirs, files, patterns int) {
	tb.Helper()
	for d := range dirs {
		dir := filepath.Join(root, fmt.Sprintf("pkg%03d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.Fatal(err)
		}
		for f := range files {
			name := filepath.Join(dir, fmt.Sprintf("file%03d.go", f))
			if err := os.WriteFile(name, []byte("package p\n"), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var sb strings.Builder
	for i := range patterns {
		switch i % 10 {
		case 0, 1, 2:
			fmt.Fprintf(&sb, "generated-%d.go\n", i)
		case 3:
			fmt.Fprintf(&sb, "cache-%d/\n", i)
		case 4:
			fmt.Fprintf(&sb, "*.ext%d\n", i)
		case 5:
			fmt.Fprintf(&sb, "tmp-%d-*\n", i)
		case 6:
			fmt.Fprintf(&sb, "/pkg%03d/file%d.go\n", i%dirs, i)
		case 7:
			fmt.Fprintf(&sb, "**/build-%d\n", i)
		case 8:
			fmt.Fprintf(&sb, "!keep-%d.go\n", i)
		case 9:
			if i%100 == 9 {
				fmt.Fprintf(&sb, "pkg%03d/*.bak%d\n", i%dirs, i)
			} else {
				fmt.Fprintf(&sb, "docs-%d/\n", i)
			}
		}
	}
	// Some files are ignored, so the matcher's answers matter.
	sb.WriteString("file007.go\n/pkg001/\n")
	if err := os.WriteFile(filepath.Join(root, ".gitignore"), []byte(sb.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}
