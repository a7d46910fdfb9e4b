package flow

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Each engine's unescaped output is read with the names it writes; its
// escaped output, helpers it calls and literals are not.
func TestTemplateRawOutput(t *testing.T) {
	tests := []struct {
		file, src string
		want      []string // "line:name,name"
	}{
		{"views/a.ejs", "<%= name %>\n<%- bio %>\n<%- include('footer', { title: 'x' }) %>\n<%- user.profile.html %>", []string{"2:bio", "4:user"}},
		{"views/a.ejs", "<%- locals.bio -%>\n<%- markdown(post.body) %>\n<%- include(page_name) %>", []string{"1:locals", "2:post"}},
		{"views/a.hbs", "{{name}}\n{{{body}}}\n{{& this.note }}\n{{{ formatted \"x\" }}}", []string{"2:body", "3:note", "4:formatted"}},
		{"templates/a.html", "{{ name }}\n{{ bio|safe }}\n{{ 'x'|safe }}\n{{ post.body | striptags | safe }}", []string{"2:bio", "4:post"}},
		{"templates/a.html", "{% autoescape false %}\n{{ note }}\n{{ title|e }}\n{% endautoescape %}\n{{ after }}", []string{"2:note"}},
		{"views/a.pug", "p= name\np!= message\ndiv !{html}", []string{"2:message", "3:html"}},
		{"templates/t.html", "<span th:text=\"${q.text}\"></span>\n<span th:utext=\"${q.text}\"></span>\n<p>[[${note}]]</p>\n<p>[(${note})]</p>\n<b th:utext='${a} + ${b.c}'></b>\n<!--/* th:utext is raw */-->",
			[]string{"2:q", "4:note", "5:a", "5:b"}},
		{"static/index.html", "<p>{{ not.a.template }}</p>", nil},
		{"src/app.js", "<%- bio %>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ts := NewTemplates()
			ts.Add(tt.file, []byte(tt.src))
			var got []string
			for _, r := range ts.files[tt.file] {
				got = append(got, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Names, ",")))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q: raw output %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}

// A render call's template name finds the file with or without its
// extension, under any views or templates folder.
func TestTemplateFind(t *testing.T) {
	ts := NewTemplates()
	for _, p := range []string{"views/users/show.ejs", "app/templates/catalog/list.html", "views/index.ejs"} {
		ts.Add(p, []byte("<%- x %>{{ x|safe }}"))
	}
	tests := []struct {
		name string
		want []string
	}{
		{"users/show", []string{"views/users/show.ejs"}},
		{"catalog/list.html", []string{"app/templates/catalog/list.html"}},
		{"index", []string{"views/index.ejs"}},
		{"show", []string{"views/users/show.ejs"}},
		{"ers/show", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := ts.find(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("find(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A Jinja-like template's escaped values are raw only when the engine is
// configured not to escape; a filter that escapes keeps its value
// escaped even then, and a value read as raw already is not read twice.
func TestTemplateEscapeOff(t *testing.T) {
	src := "{{ a }}\n{{ b|e }}\n{% autoescape false %}{{ c }}{% endautoescape %}\n{{ d|safe }}\n{{ 3 }}"
	for _, off := range []bool{false, true} {
		ts := NewTemplates()
		ts.Add("views/a.html", []byte(src))
		if off {
			ts.EscapeOff()
		}
		ts.Bind(nil)
		var got []string
		for _, r := range ts.files["views/a.html"] {
			got = append(got, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Names, ",")))
		}
		want := []string{"3:c", "4:d"}
		if off {
			want = []string{"1:a", "3:c", "4:d"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("escape off %v: raw output %v, want %v", off, got, want)
		}
	}
}
