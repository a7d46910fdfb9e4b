// Package pipeline finds CI/CD and supply-chain facts: GitHub Actions and
// GitLab CI workflows, the risky patterns in them (pull_request_target
// running a pull request's code, secrets printed or handed to untrusted
// code, actions not pinned to a commit), whether any workflow scans for
// secrets, and dependency manifests without a lockfile.
package pipeline

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// CI reads GitHub Actions workflows and GitLab CI files. One detector for
// both, because "no workflow scans for secrets" is a judgement over all
// of them.
type CI struct {
	mu        sync.Mutex
	workflows []facts.Evidence
	scanning  bool
}

// NewCI returns a CI detector for one scan.
func NewCI() *CI { return &CI{} }

// Name implements detector.Detector.
func (*CI) Name() string { return "pipeline/ci" }

// Match implements detector.Detector.
func (*CI) Match(p string) bool { return isGitHubWorkflow(p) || isGitLabCI(p) }

// isGitHubWorkflow: GitHub runs only the top-level .github/workflows.
func isGitHubWorkflow(p string) bool {
	rest, ok := strings.CutPrefix(p, ".github/workflows/")
	return ok && !strings.Contains(rest, "/") && (strings.HasSuffix(rest, ".yml") || strings.HasSuffix(rest, ".yaml"))
}

func isGitLabCI(p string) bool {
	base := path.Base(p)
	return base == ".gitlab-ci.yml" || strings.HasSuffix(base, ".gitlab-ci.yml")
}

// Detect reads one workflow file.
func (c *CI) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	docs, err := yamlnode.Documents(f.Data)
	if err != nil {
		out.Warn(f.Path, "cannot parse workflow: "+err.Error())
		return nil
	}
	if len(docs) == 0 || docs[0].Kind != yaml.MappingNode {
		out.Warn(f.Path, "cannot parse workflow: not a mapping")
		return nil
	}
	var scanned bool
	if isGitHubWorkflow(f.Path) {
		scanned = githubWorkflow(f.Path, docs[0], out)
	} else {
		scanned = gitlabCI(f.Path, docs[0], out)
	}
	c.mu.Lock()
	c.workflows = append(c.workflows, facts.Evidence{File: f.Path, Line: 1})
	c.scanning = c.scanning || scanned
	c.mu.Unlock()
	return nil
}

// Finish reports workflows that exist without any secret scanning.
func (c *CI) Finish(_ context.Context, out *detector.Sink) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.workflows) == 0 || c.scanning {
		return nil
	}
	n := len(c.workflows)
	noun := "workflows"
	if n == 1 {
		noun = "workflow"
	}
	out.AddPipeline(facts.Pipeline{
		ID:       detector.ID("pipeline", "no-secret-scanning"),
		Kind:     "no-secret-scanning",
		Detail:   "CI: none of " + strconv.Itoa(n) + " " + noun + " scans for committed secrets (gitleaks, trufflehog, detect-secrets, ggshield)",
		Evidence: slices.Clone(c.workflows),
	})
	return nil
}

// githubWorkflow reports one GitHub Actions workflow; it returns whether
// the workflow scans for secrets.
func githubWorkflow(file string, root *yaml.Node, out *detector.Sink) bool {
	name := yamlnode.Str(yamlnode.Get(root, "name"))
	if name == "" {
		name = file
	}
	triggers := yamlnode.Keys(yamlnode.Get(root, "on"))
	out.AddPipeline(facts.Pipeline{
		ID:       detector.ID("pipeline", "workflow", file),
		Kind:     "workflow",
		Detail:   name + ": GitHub Actions workflow on " + orNone(triggers),
		Evidence: []facts.Evidence{{File: file, Line: 1}},
	})
	w := &workflow{file: file, name: name, out: out}
	w.untrustedTrigger = untrustedTrigger(triggers)
	if slices.Contains(triggers, "pull_request_target") {
		out.AddPipeline(facts.Pipeline{
			ID:       detector.ID("pipeline", "pull-request-target", file),
			Kind:     "pull-request-target",
			Detail:   name + ": runs on pull_request_target, with the repository's secrets and a write token, for pull requests from forks",
			Evidence: []facts.Evidence{{File: file, Line: yamlnode.Line(yamlnode.Get(root, "on"))}},
		})
	}
	w.secretEnv = secretEnv(yamlnode.Get(root, "env"))
	for _, job := range yamlnode.Pairs(yamlnode.Get(root, "jobs")) {
		w.job(job.Key, job.Value)
	}
	return w.scans
}

// untrustedTrigger names the trigger that runs privileged with code from
// a pull request, or "".
func untrustedTrigger(triggers []string) string {
	for _, t := range []string{"pull_request_target", "workflow_run"} {
		if slices.Contains(triggers, t) {
			return t
		}
	}
	return ""
}

type workflow struct {
	file, name       string
	out              *detector.Sink
	untrustedTrigger string
	secretEnv        map[string]string // env var → secret it holds
	scans            bool
}

func (w *workflow) job(id string, job *yaml.Node) {
	if uses := yamlnode.Get(job, "uses"); uses != nil {
		w.uses(yamlnode.Str(uses), yamlnode.Line(uses))
	}
	env := merge(w.secretEnv, secretEnv(yamlnode.Get(job, "env")))
	runsPRCode := false
	for _, step := range yamlnode.Items(yamlnode.Get(job, "steps")) {
		stepEnv := merge(env, secretEnv(yamlnode.Get(step, "env")))
		line := yamlnode.Line(step)
		if runsPRCode {
			// Every step after the checkout runs, or may run, the pull
			// request's code (npm install, make, a test): a secret in
			// reach is a secret in the attacker's hands.
			for _, s := range secretsIn(step, env) {
				w.add("secret-exposure", w.name+": secrets."+s+" reaches a step that runs pull-request code in job "+id, line)
			}
		}
		usesNode := yamlnode.Get(step, "uses")
		uses := yamlnode.Str(usesNode)
		if uses != "" {
			w.uses(uses, yamlnode.Line(usesNode))
			if tool := scannerAction(uses); tool != "" {
				w.scanner(tool, yamlnode.Line(usesNode))
			}
			if w.untrustedTrigger != "" && isCheckout(uses) {
				if ref := yamlnode.Path(step, "with", "ref"); ref != nil && prHeadRef.MatchString(ref.Value) {
					runsPRCode = true
					w.prCheckout(id, ref.Value, yamlnode.Line(ref))
				}
			}
		}
		run := yamlnode.Get(step, "run")
		if run == nil {
			continue
		}
		script := yamlnode.Str(run)
		for i, l := range strings.Split(script, "\n") {
			ln := yamlnode.Line(run) + i
			if run.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				ln++ // the script starts on the line after "run: |"
			}
			if tool := scannerCommand(l); tool != "" {
				w.scanner(tool, ln)
			}
			for _, s := range echoedSecrets(l, stepEnv) {
				w.add("secret-exposure", w.name+": secrets."+s+" printed to the build log in job "+id, ln)
			}
			if w.untrustedTrigger != "" && !runsPRCode && prCheckoutCommand(l) {
				runsPRCode = true
				w.prCheckout(id, strings.TrimSpace(l), ln)
			}
		}
	}
	if runsPRCode {
		// Job-level env reaches every step, the pull request's code too.
		for _, s := range secretsIn(yamlnode.Get(job, "env"), nil) {
			w.add("secret-exposure", w.name+": secrets."+s+" reaches a step that runs pull-request code in job "+id, yamlnode.Line(yamlnode.Get(job, "env")))
		}
	}
}

func (w *workflow) add(kind, detail string, line int) {
	w.out.AddPipeline(facts.Pipeline{
		ID:       detector.ID("pipeline", kind, w.file, detail),
		Kind:     kind,
		Detail:   detail,
		Evidence: []facts.Evidence{{File: w.file, Line: line}},
	})
}

func (w *workflow) prCheckout(job, ref string, line int) {
	w.add("pull-request-target-checkout", w.name+": job "+job+" checks out the pull request's code ("+ref+") under "+w.untrustedTrigger+", where it runs with secrets and a write token", line)
}

func (w *workflow) scanner(tool string, line int) {
	w.scans = true
	detail := w.name + ": " + tool + " scans for committed secrets"
	ev := []facts.Evidence{{File: w.file, Line: line}}
	w.out.AddControl(facts.Control{ID: detector.ID("control", "secret-scanning", w.file, tool), Kind: "secret-scanning", Detail: detail, Evidence: ev})
	w.out.AddPipeline(facts.Pipeline{ID: detector.ID("pipeline", "secret-scanning", w.file, tool), Kind: "secret-scanning", Detail: detail, Evidence: ev})
}

var sha40 = regexp.MustCompile(`^[0-9a-f]{40}$`)

// uses reports an action or reusable workflow not pinned to a commit.
// First-party actions (actions/*, github/*) are reported under their own,
// lower-risk kind: GitHub publishes them, but a moved tag still changes
// the code that runs.
func (w *workflow) uses(uses string, line int) {
	uses = strings.TrimSpace(uses)
	if uses == "" || strings.HasPrefix(uses, "./") || strings.HasPrefix(uses, ".\\") {
		return
	}
	if image, ok := strings.CutPrefix(uses, "docker://"); ok {
		if !strings.Contains(image, "@sha256:") {
			w.out.AddPipeline(facts.Pipeline{Kind: "unpinned-action", Detail: uses + ": container image not pinned to a digest", Evidence: []facts.Evidence{{File: w.file, Line: line}}})
		}
		return
	}
	repo, ref, _ := strings.Cut(uses, "@")
	if sha40.MatchString(ref) {
		return
	}
	owner, _, _ := strings.Cut(repo, "/")
	kind, why := "unpinned-action", "third-party action pinned to a tag or branch, not a commit SHA"
	if owner == "actions" || owner == "github" {
		kind, why = "unpinned-first-party-action", "GitHub's own action pinned to a tag, not a commit SHA"
	}
	if ref == "" {
		why = "action without a version"
	}
	w.out.AddPipeline(facts.Pipeline{Kind: kind, Detail: uses + ": " + why, Evidence: []facts.Evidence{{File: w.file, Line: line}}})
}

func isCheckout(uses string) bool {
	repo, _, _ := strings.Cut(strings.ToLower(uses), "@")
	return repo == "actions/checkout"
}

// prHeadRef matches a ref expression that names the pull request's own
// commit or branch rather than the base repository's.
var prHeadRef = regexp.MustCompile(`github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|refs/pull/.*(/head|/merge)|github\.event\.number|github\.event\.pull_request\.number|pull_request\.merge_commit_sha`)

var prCheckoutRun = regexp.MustCompile(`\bgh\s+pr\s+checkout\b|\bgit\s+(checkout|fetch|switch)\b.*(` + prHeadRef.String() + `)`)

func prCheckoutCommand(line string) bool { return prCheckoutRun.MatchString(line) }

var secretRef = regexp.MustCompile(`secrets\.([A-Za-z_][A-Za-z0-9_]*)|secrets\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]|toJSON\(\s*secrets\s*\)`)

// secretNames lists the secrets an expression text refers to; toJSON(secrets) is all of them.
func secretNames(s string) []string {
	var out []string
	for _, m := range secretRef.FindAllStringSubmatch(s, -1) {
		switch {
		case m[1] != "":
			out = append(out, m[1])
		case m[2] != "":
			out = append(out, m[2])
		default:
			out = append(out, "* (toJSON(secrets))")
		}
	}
	return out
}

// secretEnv maps env variables to the secret they are set from.
func secretEnv(env *yaml.Node) map[string]string {
	out := map[string]string{}
	for _, p := range yamlnode.Pairs(env) {
		if names := secretNames(yamlnode.Str(p.Value)); len(names) > 0 {
			out[p.Key] = names[0]
		}
	}
	return out
}

func merge(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// secretsIn lists the secrets a step (or env block) uses, directly or via
// an inherited env variable, sorted and unique.
func secretsIn(n *yaml.Node, inherited map[string]string) []string {
	var out []string
	seen := map[*yaml.Node]bool{} // aliases can share or nest nodes: visit each once
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		n = yamlnode.Resolve(n)
		if n == nil || depth > 8 || seen[n] {
			return
		}
		seen[n] = true
		if n.Kind == yaml.ScalarNode {
			out = append(out, secretNames(n.Value)...)
			for v, s := range inherited {
				if strings.Contains(n.Value, "$"+v) || strings.Contains(n.Value, "${"+v+"}") {
					out = append(out, s)
				}
			}
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	slices.Sort(out)
	return slices.Compact(out)
}

var (
	printCmd   = regexp.MustCompile(`(^|[;&|(]\s*|\s)(echo|printf|cat\s+<<)\b`)
	secretExpr = regexp.MustCompile(`\$\{\{[^}]*\}\}`)
	shellVar   = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)
)

// echoedSecrets lists the secrets a shell line prints to the log: echo or
// printf of a secret expression (or an env variable holding one) whose
// output is not piped or redirected ("echo $TOKEN | docker login" is how
// secrets are meant to be passed).
func echoedSecrets(line string, env map[string]string) []string {
	loc := printCmd.FindStringIndex(line)
	if loc == nil || strings.Contains(line, "::add-mask::") {
		return nil
	}
	rest := line[loc[1]:]
	// Cut at the end of the echo's own command.
	for _, sep := range []string{"&&", ";", "||"} {
		if i := strings.Index(rest, sep); i >= 0 {
			rest = rest[:i]
		}
	}
	if strings.ContainsAny(rest, "|>") {
		return nil
	}
	var out []string
	for _, e := range secretExpr.FindAllString(rest, -1) {
		out = append(out, secretNames(e)...)
	}
	for _, m := range shellVar.FindAllStringSubmatch(rest, -1) {
		if s, ok := env[m[1]]; ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// scanners are the secret scanners a workflow may run.
var scanners = []string{"gitleaks", "trufflehog", "detect-secrets", "ggshield", "git-secrets"}

// scannerAction names the secret scanner an action runs, or "".
func scannerAction(uses string) string {
	u := strings.ToLower(uses)
	if strings.Contains(u, "codeql") {
		return ""
	}
	repo, _, _ := strings.Cut(u, "@")
	for _, s := range scanners {
		if strings.Contains(repo, s) {
			return s
		}
	}
	return ""
}

var scannerRun = regexp.MustCompile(`(?:^|&&|;|\|\||\bsudo\s|\bnpx\s|\bpipx\s+run\s|\buvx\s|\bdocker\s+run\b.*?)\s*(?:\S*/)?(gitleaks|trufflehog|detect-secrets(?:-hook)?|ggshield|git-secrets)(?:\s|$|:)`)

// scannerCommand names the secret scanner a shell line runs, or "".
func scannerCommand(line string) string {
	m := scannerRun.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return ""
	}
	return strings.TrimSuffix(m[1], "-hook")
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "(none)"
	}
	return strings.Join(xs, ", ")
}
