package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Stats is what Generate wrote.
type Stats struct {
	Files, Secrets int
	Bytes          int64
}

// generator writes one tree; its PRNG is the only source of variation.
type generator struct {
	root  string
	rnd   *rand.Rand
	stats Stats
}

// Generate writes a tree of about total bytes under root.
func Generate(root string, total int64, seed uint64) (Stats, error) {
	g := &generator{root: root, rnd: rand.New(rand.NewPCG(seed, 0x7468726561746d61))}
	if err := g.write("README.md", "# Generated monorepo\n\nA benchmark tree written by bench/gen. Nothing here runs.\n"); err != nil {
		return g.stats, err
	}
	if err := g.write(".gitignore", ".env\n*.log\n/scratch/\n"); err != nil {
		return g.stats, err
	}
	for i := 0; g.stats.Bytes < total; i++ {
		if err := g.service(i); err != nil {
			return g.stats, err
		}
	}
	return g.stats, nil
}

func (g *generator) write(rel, content string) error {
	p := filepath.Join(g.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		return err
	}
	g.stats.Files++
	g.stats.Bytes += int64(len(content))
	return nil
}

// service writes one service of a few hundred KB: its language decides
// the code, and every service has manifests, CI and assets around it.
func (g *generator) service(i int) error {
	name := fmt.Sprintf("%s-%s-%d", g.pick(nouns), g.pick(nouns), i)
	dir := "services/" + name
	var files []file
	switch i % 3 {
	case 0:
		files = g.goService(dir, name)
	case 1:
		files = g.jsService(dir, name)
	default:
		files = g.pyService(dir, name)
	}
	files = append(files,
		file{dir + "/deploy/k8s.yaml", g.k8s(name)},
		file{dir + "/infra/main.tf", g.terraform(name)},
	)
	if i%4 == 0 {
		files = append(files, file{dir + "/.github/workflows/ci.yml", g.workflow(name)})
	}
	if i%5 == 0 {
		files = append(files, file{dir + "/static/js/vendor." + g.hex(8) + ".min.js", g.minified(150_000 + g.rnd.IntN(300_000))})
	}
	if i%2 == 0 {
		files = append(files, file{dir + "/assets/logo-" + g.hex(6) + ".png", g.binary(10_000 + g.rnd.IntN(60_000))})
	}
	if i%3 == 0 {
		files = append(files, file{dir + "/docs/ARCHITECTURE.md", g.doc(name)})
	}
	for _, f := range files {
		if err := g.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

type file struct{ path, content string }

func (g *generator) pick(xs []string) string { return xs[g.rnd.IntN(len(xs))] }

func (g *generator) ident() string {
	return g.pick(verbs) + strings.ToUpper(g.pick(nouns)[:1]) + g.pick(nouns)[1:]
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (g *generator) chars(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.rnd.IntN(len(alphabet))]
	}
	return string(b)
}

func (g *generator) hex(n int) string { return g.chars("0123456789abcdef", n) }

// secret is a fake credential in a format gitleaks' default rules (and
// so threatmap's) report: random, so no allowlist or stopword hides it.
func (g *generator) secret() (name, value string) {
	g.stats.Secrets++
	switch g.rnd.IntN(4) {
	case 0:
		return "githubToken", "ghp_" + g.chars(alnum, 36)
	case 1:
		return "awsAccessKeyID", "AKIA" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
	case 2:
		return "stripeSecretKey", "sk_live_" + g.chars(alnum, 32)
	default:
		return "gitlabToken", "glpat-" + g.chars(alnum, 20)
	}
}

// maybeSecret adds a secret to about one service file in forty.
func (g *generator) maybeSecret() (string, string, bool) {
	if g.rnd.IntN(40) != 0 {
		return "", "", false
	}
	n, v := g.secret()
	return n, v, true
}

var (
	nouns = []string{"user", "order", "invoice", "account", "session", "report", "payment", "document", "upload",
		"message", "profile", "team", "project", "ticket", "token", "config", "cache", "queue", "event", "audit",
		"billing", "search", "export", "webhook", "catalog", "price", "cart", "shipment", "note", "comment"}
	verbs = []string{"get", "list", "create", "update", "delete", "load", "save", "parse", "render", "validate",
		"fetch", "sync", "build", "check", "resolve", "apply", "merge", "find", "count", "index"}
	comments = []string{
		"keep the order stable: callers rely on it",
		"the limit protects the database from large pages",
		"retry once: the upstream drops idle connections",
		"the key is derived from the tenant and the id",
		"NOTE: the token is refreshed by the caller",
		"url is validated by the router before it gets here",
		"do not log the payload, it may hold personal data",
		"config values are read once at startup",
	}
)
