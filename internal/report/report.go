package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Writer renders a page in one format.
type Writer interface {
	Write(w io.Writer, p *Page) error
}

// Format is a named output format.
type Format struct {
	Name    string   // what --format takes
	Aliases []string // other names accepted for it
	Ext     string   // file extension, with the dot
	Writer  Writer
}

// Formats lists every format, the default first.
var Formats = []Format{
	{Name: "md", Aliases: []string{"markdown"}, Ext: ".md", Writer: Markdown{}},
	{Name: "html", Ext: ".html", Writer: HTML{}},
	{Name: "json", Ext: ".json", Writer: JSON{}},
}

// FormatNames lists the formats' names, for help and error messages.
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// ForFormat returns the format called name (case-insensitive).
func ForFormat(name string) (Format, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range Formats {
		if f.Name == name || slices.Contains(f.Aliases, name) {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q: use %s", name, strings.Join(FormatNames(), ", "))
}
