package pipeline

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// gitlabKeywords are top-level keys that are settings, not jobs.
var gitlabKeywords = map[string]bool{
	"stages": true, "variables": true, "include": true, "default": true, "workflow": true,
	"image": true, "services": true, "cache": true, "before_script": true, "after_script": true,
}

// gitlabCI reports one GitLab CI file; it returns whether it scans for
// secrets (GitLab's Secret-Detection template, or a scanner in a script).
func gitlabCI(file string, root *yaml.Node, out *detector.Sink) bool {
	var jobs []string
	scans := false
	scanner := func(tool string, line int) {
		scans = true
		detail := file + ": " + tool + " scans for committed secrets"
		ev := []facts.Evidence{{File: file, Line: line}}
		out.AddControl(facts.Control{ID: detector.ID("control", "secret-scanning", file, tool), Kind: "secret-scanning", Detail: detail, Evidence: ev})
		out.AddPipeline(facts.Pipeline{ID: detector.ID("pipeline", "secret-scanning", file, tool), Kind: "secret-scanning", Detail: detail, Evidence: ev})
	}
	for _, inc := range yamlnode.Items(yamlnode.Get(root, "include")) {
		tmpl := yamlnode.Str(yamlnode.Get(inc, "template"))
		if strings.Contains(tmpl, "Secret-Detection") {
			scanner("GitLab Secret Detection", yamlnode.Line(inc))
		}
	}
	for _, p := range yamlnode.Pairs(root) {
		if gitlabKeywords[p.Key] || strings.HasPrefix(p.Key, ".") {
			continue
		}
		jobs = append(jobs, p.Key)
		if img := yamlnode.Get(p.Value, "image"); img != nil {
			name := yamlnode.Str(img)
			if name == "" {
				name = yamlnode.Str(yamlnode.Get(img, "name"))
			}
			if tool := scannerAction(name); tool != "" {
				scanner(tool, yamlnode.Line(img))
			}
		}
		for _, key := range []string{"before_script", "script"} {
			for _, line := range yamlnode.Items(yamlnode.Get(p.Value, key)) {
				if tool := scannerCommand(yamlnode.Str(line)); tool != "" {
					scanner(tool, yamlnode.Line(line))
				}
			}
		}
	}
	sort.Strings(jobs)
	out.AddPipeline(facts.Pipeline{
		ID:       detector.ID("pipeline", "workflow", file),
		Kind:     "workflow",
		Detail:   file + ": GitLab CI pipeline with jobs " + orNone(jobs),
		Evidence: []facts.Evidence{{File: file, Line: 1}},
	})
	return scans
}
