// Package iac finds infrastructure facts in Terraform, Kubernetes
// manifests and docker-compose files: what the deployment makes reachable
// (a public bucket, a database port open to the internet, a load balancer)
// and the controls it shows (a public-access block). It reads
// configuration only: no provider runs, no value is guessed.
package iac

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/packed"
)

// Terraform reads .tf files per module (folder) and judges buckets,
// security groups and databases once every file of the module is seen,
// since a bucket and its public-access block often live in two files.
//
// Between Detect and Finish it keeps each file's source deflated, not its
// syntax tree: a tree costs over ten times the source, and a module's
// values (variables, locals) are only known once all of its files are in.
// Finish parses a module's files again, judges it, and lets it go.
type Terraform struct {
	mu      sync.Mutex
	modules map[string]*moduleFiles
}

// moduleFiles is what Detect keeps of one module until Finish.
type moduleFiles struct {
	files     []tfFile
	hasBroken bool // a file failed to parse: absence is not evidence
}

type tfFile struct {
	path string
	src  *packed.Bytes
}

// NewTerraform returns a Terraform detector for one scan.
func NewTerraform() *Terraform { return &Terraform{modules: map[string]*moduleFiles{}} }

// Name implements detector.Detector.
func (*Terraform) Name() string { return "iac/terraform" }

// Match implements detector.Detector.
func (*Terraform) Match(p string) bool { return lang.Of(p) == lang.Terraform }

// Detect parses one file to report it if broken, and keeps its source
// under its module when it holds a block Finish reads.
func (t *Terraform) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	blocks, err := parseTerraform(f.Path, f.Data)
	var src *packed.Bytes
	if err == nil && len(blocks) > 0 {
		src = packed.Pack(f.Data)
	}
	dir := moduleDir(f.Path)
	t.mu.Lock()
	defer t.mu.Unlock()
	mf := t.modules[dir]
	if mf == nil {
		mf = &moduleFiles{}
		t.modules[dir] = mf
	}
	if err != nil {
		mf.hasBroken = true
		out.Warn(f.Path, err.Error())
		return nil
	}
	if src != nil {
		mf.files = append(mf.files, tfFile{path: f.Path, src: src})
	}
	return nil
}

// Finish judges every module, releasing each once judged.
func (t *Terraform) Finish(_ context.Context, out *detector.Sink) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	dirs := make([]string, 0, len(t.modules))
	for d := range t.modules {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		judgeModule(d, t.modules[d], out)
		delete(t.modules, d)
	}
	return nil
}

// judgeModule parses one module's files again and runs every check on
// it. A panic in the HCL or cty libraries on a strange file costs that
// module a warning, not the scan (Finish runs outside the scanner's
// per-file recovery).
func judgeModule(dir string, mf *moduleFiles, out *detector.Sink) {
	defer func() {
		if r := recover(); r != nil {
			out.Warn(dir, "iac/terraform: internal error while reading this module; skipped")
		}
	}()
	m := newModule(dir)
	m.hasBroken = mf.hasBroken
	// Files in path order, so that a variable or local declared twice
	// resolves the same way in every scan.
	slices.SortFunc(mf.files, func(a, b tfFile) int { return strings.Compare(a.path, b.path) })
	for _, f := range mf.files {
		blocks, err := parseTerraform(f.path, f.src.Bytes())
		if err != nil {
			// Parsed at Detect; only a lost source fails here.
			m.hasBroken = true
			continue
		}
		m.add(blocks)
	}
	// Stable: a block declared twice keeps its files' order.
	slices.SortStableFunc(m.blocks, func(a, b *block) int { return strings.Compare(a.addr(), b.addr()) })
	checkS3(m, out)
	checkGCS(m, out)
	checkAzure(m, out)
	checkSecurityGroups(m, out)
	checkDatabases(m, out)
}

func infra(m *module, kind, subject, detail string, b *block, line int) facts.Infrastructure {
	return facts.Infrastructure{
		ID:       detector.ID("infra", kind, m.dir, subject),
		Kind:     kind,
		Detail:   detail,
		Evidence: []facts.Evidence{{File: b.file, Line: line}},
	}
}

// --- S3 ---

var publicACLs = map[string]bool{"public-read": true, "public-read-write": true, "authenticated-read": true}

const (
	allUsersURI  = "http://acs.amazonaws.com/groups/global/AllUsers"
	authUsersURI = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
)

type s3Bucket struct {
	b          *block
	name       string // the bucket attribute when literal, else the resource name
	literal    string // the bucket attribute when literal
	publicACL  string // what makes it public through an ACL, with line
	aclLine    int
	aclBlock   *block
	publicPol  string
	polLine    int
	polBlock   *block
	pab        pabFlags
	pabBlock   *block
	ownerEnfd  bool // BucketOwnerEnforced: ACLs are off
	hasPABLink bool
}

// pabFlags are the four switches of a public-access block; only a known
// true counts.
type pabFlags struct{ blockACLs, ignoreACLs, blockPolicy, restrictBuckets bool }

func (p pabFlags) full() bool {
	return p.blockACLs && p.ignoreACLs && p.blockPolicy && p.restrictBuckets
}

func (p pabFlags) or(q pabFlags) pabFlags {
	return pabFlags{p.blockACLs || q.blockACLs, p.ignoreACLs || q.ignoreACLs, p.blockPolicy || q.blockPolicy, p.restrictBuckets || q.restrictBuckets}
}

func readPAB(m *module, b *block) pabFlags {
	flag := func(name string) bool {
		v, known := boolean(m.eval(attr(b.body, name)))
		return known && v
	}
	return pabFlags{flag("block_public_acls"), flag("ignore_public_acls"), flag("block_public_policy"), flag("restrict_public_buckets")}
}

func checkS3(m *module, out *detector.Sink) {
	var buckets []*s3Bucket
	byAddr := map[string]*s3Bucket{}
	byName := map[string]*s3Bucket{}
	for _, b := range m.blocks {
		if b.kind != "resource" || b.typ != "aws_s3_bucket" {
			continue
		}
		sb := &s3Bucket{b: b, name: b.name}
		if s, ok := str(m.eval(attr(b.body, "bucket"))); ok && s != "" {
			sb.name, sb.literal = s, s
			byName[s] = sb
		}
		buckets = append(buckets, sb)
		byAddr[b.addr()] = sb
		// Inline settings of the AWS provider before v4.
		if acl, ok := str(m.eval(attr(b.body, "acl"))); ok && publicACLs[acl] {
			sb.publicACL, sb.aclLine, sb.aclBlock = "acl "+acl, attrLine(b.body, "acl", b.line), b
		}
		if who, line := publicGrant(m, b.body); who != "" {
			sb.publicACL, sb.aclLine, sb.aclBlock = "grant to "+who, line, b
		}
		if acts := publicPolicy(m, attr(b.body, "policy")); acts != "" {
			sb.publicPol, sb.polLine, sb.polBlock = acts, attrLine(b.body, "policy", b.line), b
		}
	}
	if len(buckets) == 0 {
		return
	}
	// target finds the bucket a companion resource configures: by
	// reference (aws_s3_bucket.assets.id) or by literal name.
	unlinked := false
	target := func(b *block) *s3Bucket {
		x := attr(b.body, "bucket")
		if r := ref(x); r != "" {
			return byAddr[r]
		}
		if s, ok := str(m.eval(x)); ok {
			return byName[s]
		}
		unlinked = true
		return nil
	}
	var account pabFlags
	var accountBlock *block
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		switch b.typ {
		case "aws_s3_account_public_access_block":
			account, accountBlock = readPAB(m, b), b
		case "aws_s3_bucket_public_access_block":
			if sb := target(b); sb != nil {
				sb.pab, sb.pabBlock, sb.hasPABLink = readPAB(m, b), b, true
			}
		case "aws_s3_bucket_acl":
			sb := target(b)
			if sb == nil {
				continue
			}
			if acl, ok := str(m.eval(attr(b.body, "acl"))); ok && publicACLs[acl] {
				sb.publicACL, sb.aclLine, sb.aclBlock = "acl "+acl, attrLine(b.body, "acl", b.line), b
			}
			for _, acp := range b.body.Blocks {
				if acp.Type != "access_control_policy" {
					continue
				}
				if who, line := publicGrant(m, acp.Body); who != "" {
					sb.publicACL, sb.aclLine, sb.aclBlock = "grant to "+who, line, b
				}
			}
		case "aws_s3_bucket_policy":
			sb := target(b)
			if sb == nil {
				continue
			}
			if acts := publicPolicy(m, attr(b.body, "policy")); acts != "" {
				sb.publicPol, sb.polLine, sb.polBlock = acts, attrLine(b.body, "policy", b.line), b
			}
		case "aws_s3_bucket_ownership_controls":
			sb := target(b)
			if sb == nil {
				continue
			}
			for _, r := range b.body.Blocks {
				if r.Type == "rule" {
					if s, ok := str(m.eval(attr(r.Body, "object_ownership"))); ok && s == "BucketOwnerEnforced" {
						sb.ownerEnfd = true
					}
				}
			}
		}
	}
	for _, sb := range buckets {
		b := sb.b
		out.AddStore(facts.Store{Kind: "s3", Name: "S3 bucket " + sb.name, Evidence: []facts.Evidence{{File: b.file, Line: b.line}}})
		pab := sb.pab.or(account)
		subject := b.addr()
		label := subject
		if sb.literal != "" {
			label += " (" + sb.literal + ")"
		}
		var reasons []string
		var first *block
		line := 0
		if sb.publicACL != "" && !sb.ownerEnfd && !pab.ignoreACLs && !pab.blockACLs {
			reasons = append(reasons, sb.publicACL)
			first, line = sb.aclBlock, sb.aclLine
		}
		if sb.publicPol != "" && !pab.blockPolicy && !pab.restrictBuckets {
			reasons = append(reasons, "bucket policy allows anyone "+sb.publicPol)
			if first == nil {
				first, line = sb.polBlock, sb.polLine
			}
		}
		switch {
		case len(reasons) == 1 && sb.publicACL == "" && readsObjectsOnly(sb.publicPol):
			// A policy written to let anyone fetch an object by its key,
			// and nothing else: nobody lists or writes it, and its files are
			// published on purpose (site assets, product images).
			f := infra(m, "published-bucket", subject, label+": publishes its objects: "+reasons[0], first, line)
			f.Evidence = append(f.Evidence, facts.Evidence{File: b.file, Line: b.line})
			out.AddInfrastructure(f)
		case len(reasons) > 0:
			f := infra(m, "public-bucket", subject, label+": public to the internet: "+strings.Join(reasons, "; "), first, line)
			// The bucket's own line ties the fact to the bucket's store.
			f.Evidence = append(f.Evidence, facts.Evidence{File: b.file, Line: b.line})
			out.AddInfrastructure(f)
		case pab.full():
			pb := sb.pabBlock
			if pb == nil {
				pb = accountBlock
			}
			detail := label + ": all public access blocked by " + pb.addr()
			out.AddInfrastructure(infra(m, "bucket", subject, detail, b, b.line))
			out.AddControl(facts.Control{
				ID:       detector.ID("control", "bucket-public-access-block", m.dir, subject),
				Kind:     "bucket-public-access-block",
				Detail:   detail,
				Evidence: []facts.Evidence{{File: pb.file, Line: pb.line}},
			})
		case !m.hasBroken && !unlinked:
			// Absence is evidence only when every file of the module read
			// and every public-access block could be tied to its bucket.
			why := "no aws_s3_bucket_public_access_block"
			if sb.hasPABLink {
				why = "public-access block does not turn on all four settings"
			}
			out.AddInfrastructure(infra(m, "bucket-no-public-access-block", subject, label+": "+why+"; one ACL or policy change makes it public", b, b.line))
		}
	}
}

// publicGrant finds a grant to everyone in grant blocks (inline on the
// bucket, or in an access_control_policy).
func publicGrant(m *module, body *hclsyntax.Body) (string, int) {
	for _, g := range body.Blocks {
		if g.Type != "grant" {
			continue
		}
		// aws_s3_bucket inline grant: uri = ...; aws_s3_bucket_acl: grantee { uri = ... }.
		bodies := []*hclsyntax.Body{g.Body}
		for _, ge := range g.Body.Blocks {
			if ge.Type == "grantee" {
				bodies = append(bodies, ge.Body)
			}
		}
		for _, gb := range bodies {
			uri, ok := str(m.eval(attr(gb, "uri")))
			if !ok {
				continue
			}
			switch uri {
			case allUsersURI:
				return "AllUsers", g.TypeRange.Start.Line
			case authUsersURI:
				return "AuthenticatedUsers", g.TypeRange.Start.Line
			}
		}
	}
	return "", 0
}

// publicPolicy returns the S3 actions a policy grants to everyone without
// a condition, or "". The policy may be jsonencode({...}), a JSON string,
// or a reference to an aws_iam_policy_document in the module.
func publicPolicy(m *module, expr hclsyntax.Expression) string {
	if expr == nil {
		return ""
	}
	if r := ref(expr); strings.HasPrefix(r, "data.aws_iam_policy_document.") {
		if d := m.byAddr[r]; d != nil {
			return publicPolicyDocument(m, d.body)
		}
		return ""
	}
	return publicStatements(goValue(m.eval(expr)))
}

func publicStatements(doc any) string {
	obj, ok := doc.(map[string]any)
	if !ok {
		return ""
	}
	var acts []string
	for _, st := range asList(obj["Statement"]) {
		s, ok := st.(map[string]any)
		if !ok {
			continue
		}
		if eff, ok := s["Effect"].(string); !ok || !strings.EqualFold(eff, "Allow") {
			continue
		}
		if _, cond := s["Condition"]; cond {
			continue
		}
		if !anyonePrincipal(s["Principal"]) {
			continue
		}
		acts = append(acts, publicActions(asList(s["Action"]))...)
	}
	return strings.Join(compact(acts), ", ")
}

func anyonePrincipal(p any) bool {
	switch v := p.(type) {
	case string:
		return v == "*"
	case map[string]any:
		for _, k := range []string{"AWS", "*"} {
			for _, x := range asList(v[k]) {
				if s, ok := x.(string); ok && s == "*" {
					return true
				}
			}
		}
	}
	return false
}

// readsObjectsOnly reports a public policy's actions (publicPolicy's list)
// that only fetch an object by its key: no listing, no writes, no wildcard.
func readsObjectsOnly(acts string) bool {
	if acts == "" {
		return false
	}
	for _, a := range strings.Split(acts, ", ") {
		if !strings.EqualFold(a, "s3:GetObject") {
			return false
		}
	}
	return true
}

// publicActions keeps the actions that read, list or write objects.
func publicActions(list []any) []string {
	var out []string
	for _, a := range list {
		s, ok := a.(string)
		if !ok {
			continue
		}
		switch strings.ToLower(s) {
		case "*", "s3:*", "s3:get*", "s3:getobject", "s3:getobject*", "s3:listbucket", "s3:list*", "s3:putobject", "s3:put*", "s3:deleteobject":
			out = append(out, s)
		}
	}
	return out
}

func publicPolicyDocument(m *module, body *hclsyntax.Body) string {
	var acts []string
	for _, st := range body.Blocks {
		if st.Type != "statement" {
			continue
		}
		if x := attr(st.Body, "effect"); x != nil {
			if eff, ok := str(m.eval(x)); !ok || !strings.EqualFold(eff, "Allow") {
				continue
			}
		}
		anyone, conditioned := false, false
		for _, sub := range st.Body.Blocks {
			switch sub.Type {
			case "condition":
				conditioned = true
			case "principals":
				typ, _ := str(m.eval(attr(sub.Body, "type")))
				if typ != "*" && typ != "AWS" {
					continue
				}
				if slices.Contains(knownStrings(m.eval(attr(sub.Body, "identifiers"))), "*") {
					anyone = true
				}
			}
		}
		if !anyone || conditioned {
			continue
		}
		var list []any
		for _, s := range knownStrings(m.eval(attr(st.Body, "actions"))) {
			list = append(list, s)
		}
		acts = append(acts, publicActions(list)...)
	}
	return strings.Join(compact(acts), ", ")
}

func asList(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case nil:
		return nil
	default:
		return []any{x}
	}
}

func compact(xs []string) []string {
	sort.Strings(xs)
	return slices.Compact(xs)
}

// --- GCS and Azure ---

var gcsEveryone = map[string]bool{"allUsers": true, "allAuthenticatedUsers": true}

func checkGCS(m *module, out *detector.Sink) {
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		switch b.typ {
		case "google_storage_bucket":
			name := b.name
			if s, ok := str(m.eval(attr(b.body, "name"))); ok && s != "" {
				name = s
			}
			out.AddStore(facts.Store{Kind: "gcs", Name: "GCS bucket " + name, Evidence: []facts.Evidence{{File: b.file, Line: b.line}}})
			if s, ok := str(m.eval(attr(b.body, "public_access_prevention"))); ok && s == "enforced" {
				detail := b.addr() + " (" + name + "): public access prevention enforced"
				line := attrLine(b.body, "public_access_prevention", b.line)
				out.AddInfrastructure(infra(m, "bucket", b.addr(), detail, b, b.line))
				out.AddControl(facts.Control{
					ID:       detector.ID("control", "bucket-public-access-block", m.dir, b.addr()),
					Kind:     "bucket-public-access-block",
					Detail:   detail,
					Evidence: []facts.Evidence{{File: b.file, Line: line}},
				})
			}
		case "google_storage_bucket_iam_member", "google_storage_bucket_iam_binding":
			var members []string
			if s, ok := str(m.eval(attr(b.body, "member"))); ok {
				members = append(members, s)
			}
			members = append(members, knownStrings(m.eval(attr(b.body, "members")))...)
			for _, who := range members {
				if !gcsEveryone[who] {
					continue
				}
				role, _ := str(m.eval(attr(b.body, "role")))
				detail := fmt.Sprintf("%s: %s granted %s on bucket %s", b.addr(), who, orUnknown(role), bucketLabel(m, b))
				line := attrLine(b.body, "member", attrLine(b.body, "members", b.line))
				out.AddInfrastructure(infra(m, "public-bucket", b.addr(), detail, b, line))
				break
			}
		}
	}
}

// bucketLabel names the bucket a companion resource points at.
func bucketLabel(m *module, b *block) string {
	x := attr(b.body, "bucket")
	if r := ref(x); r != "" {
		return r
	}
	if s, ok := str(m.eval(x)); ok {
		return s
	}
	return "(unknown)"
}

func checkAzure(m *module, out *detector.Sink) {
	for _, b := range m.blocks {
		if b.kind != "resource" || b.typ != "azurerm_storage_container" {
			continue
		}
		if s, ok := str(m.eval(attr(b.body, "container_access_type"))); ok && (s == "blob" || s == "container") {
			detail := b.addr() + ": container_access_type = " + s + " lets anyone read its blobs"
			out.AddInfrastructure(infra(m, "public-bucket", b.addr(), detail, b, attrLine(b.body, "container_access_type", b.line)))
		}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown role)"
	}
	return s
}

// --- databases ---

var publicDBTypes = map[string]bool{"aws_db_instance": true, "aws_rds_cluster": true, "aws_rds_cluster_instance": true, "aws_redshift_cluster": true}

func checkDatabases(m *module, out *detector.Sink) {
	for _, b := range m.blocks {
		if b.kind != "resource" || !publicDBTypes[b.typ] {
			continue
		}
		if v, known := boolean(m.eval(attr(b.body, "publicly_accessible"))); !known || !v {
			continue
		}
		detail := b.addr() + ": publicly_accessible = true"
		if engine, ok := str(m.eval(attr(b.body, "engine"))); ok && engine != "" {
			detail += " (" + engine + ")"
		}
		out.AddInfrastructure(infra(m, "public-database", b.addr(), detail, b, attrLine(b.body, "publicly_accessible", b.line)))
	}
}
