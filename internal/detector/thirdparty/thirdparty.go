// Package thirdparty finds the services a product depends on and does not
// own: from manifests (package.json, go.mod, requirements*.txt,
// pyproject.toml, Pipfile) and from imports, SDK calls and API hosts in
// code, named by the catalogue. One fact per service, with every manifest
// and import line as evidence and the secrets the code reads for it.
package thirdparty

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/catalog"
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/detector/credential"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the third-party detector. It keeps what it sees until
// Finish, because a service's credentials are often read in another file
// than the one that calls it.
type Detector struct {
	mu   sync.Mutex
	uses map[string][]facts.Evidence // service id -> where
	// dev are the manifest lines that declare a dependency only for
	// development (a devDependency, a dev or test group): evidence of a
	// service only beside evidence the product ships (Finish).
	dev map[facts.Evidence]bool
	// loaded are the manifest lines of ecosystems whose code is not
	// searched for imports (Maven, Gradle, Gemfile, Composer, NuGet): the
	// dependency they declare counts as used (sdkManifest).
	loaded  map[facts.Evidence]bool
	secrets map[string]bool // secret variables read anywhere
	// hosts are the calls to services no catalogue entry names, by the
	// domain of the host code calls (hostCalls), each with the secrets
	// read in it. Finish keeps those from code that runs on the server.
	hosts map[string][]hostCall
	// pageHosts are the scripts and stylesheets pages load from hosts no
	// catalogue entry names (pageLoads), by the host's registrable
	// domain. Finish keeps those of pages the product serves.
	pageHosts map[string][]facts.Evidence
	// assetPages are HTML files of a static-assets subfolder, read in
	// Finish only when another file names them (htmlNamed: file name ->
	// up to two files naming it); replaying is set while they are read.
	assetPages []*detector.File
	htmlNamed  map[string][]string
	replaying  bool
	// modules are the JavaScript and TypeScript files read, with their
	// imports: a module that only hands out values and that no file
	// imports uses nothing (dropUnimported).
	modules map[string]jsModule
	// redirected are the SDKs some file uses only to reach another
	// vendor (an S3 client at R2's endpoint, the OpenAI SDK at Groq's):
	// one that no other code uses is that vendor's, and its manifest
	// line names no service of its own (Finish).
	redirected map[string]bool
	// products are the names the tree's manifests give the product
	// (go.mod's module, package.json's and pyproject.toml's name): a
	// domain named like it is the product's own (listmonk.app).
	products map[string]bool
	// rootProducts are the names the tree's top manifest gives the
	// product: a host's subdomain named so is the product's own
	// (zipline.example.sh), where a workspace's name ("api") says nothing.
	rootProducts map[string]bool
	// published are the packages the tree's manifests build, by full
	// name, each with the manifest that names it: a service whose SDK is
	// one of them is the product itself (a vendor's own repository with
	// its SDK beside the app), no third party (Finish).
	published map[string][]string
	// brands are the names the product goes by: its packages' npm scope
	// (@dub/ui is dub's), its Go module's last element. A vendor's own
	// app calling the vendor's public SDK or API (dogfooding) is the
	// product itself, as its own domain is (Finish).
	brands map[string]bool
	// s3Unset are the places code uses the S3 SDK without making a
	// client (its commands, its presigner): Amazon S3's only if some
	// client goes to Amazon or none goes elsewhere (Finish).
	s3Unset []facts.Evidence
	// s3Settings are Amazon S3 hosts in settings files: where a client
	// whose endpoint comes from settings goes (Finish).
	s3Settings []facts.Evidence
	// mailSettings are Spring's mail server settings: where the SMTP
	// row's mail goes, when something sends mail (Finish).
	mailSettings []facts.Evidence
	// funcs are the app's own helpers that hand a parameter on as a
	// request's target, argCalls the calls that hand one a fixed URL
	// (helpers; joined in Finish by wrapperCalls).
	funcs    []code.Func
	argCalls []argCall
	// sentFields are the fields of this (self) some class's requests go
	// to, fieldURLs the fields subclasses set to a fixed URL.
	sentFields map[string]bool
	fieldURLs  []fieldURL
	// stock are the lines of a PHP framework's settings folder (Laravel's
	// config/*.php), which ship a block for every driver the framework
	// supports (broadcasting's Pusher host, services' Mailgun endpoint);
	// composed are the services a composer.json requires. A driver with
	// Composer packages is used only if one is required (Finish).
	stock    map[facts.Evidence]bool
	composed map[string]bool
	composer bool
	// env are the services environment templates give variables as
	// URLs, and where code reads those variables (envHostUses).
	env envState
}

// New returns a fresh detector for one scan.
func New() *Detector {
	return &Detector{uses: map[string][]facts.Evidence{}, dev: map[facts.Evidence]bool{}, loaded: map[facts.Evidence]bool{}, secrets: map[string]bool{},
		hosts: map[string][]hostCall{}, pageHosts: map[string][]facts.Evidence{}, modules: map[string]jsModule{}, products: map[string]bool{}, rootProducts: map[string]bool{}, redirected: map[string]bool{},
		published: map[string][]string{}, brands: map[string]bool{}, sentFields: map[string]bool{},
		stock: map[facts.Evidence]bool{}, composed: map[string]bool{}}
}

// hostCall is one call to a fixed host, with the secrets read in it.
type hostCall struct {
	at    facts.Evidence
	host  string
	creds []string
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "asset/third-party" }

// Match implements detector.Detector: manifests, non-test code and
// page templates (the embeds they load).
func (*Detector) Match(p string) bool {
	return IsManifest(p) || credential.IsEnvTemplate(p) || (code.ReadsServices(lang.Of(p)) || lang.Of(p) == lang.HTML || IsTemplate(p) || ServerConfig(p)) && !lang.IsTest(p)
}

// Exempt implements detector.PrefilterExempt: manifests are read whole.
func (*Detector) Exempt(p string) bool { return IsManifest(p) }

// Keywords implements detector.Keyworded: a manifest always names a
// dependency section; code needs an import, an env read, an API host or
// a URL.
func (*Detector) Keywords() []string { return keywords() }

// keywords is built on first use: it parses the catalogue, which commands
// that scan nothing should not pay for at start.
var keywords = sync.OnceValue(func() []string {
	// A django-allauth provider is named as an installed app, and a
	// python-social-auth backend in AUTHENTICATION_BACKENDS, not imported.
	// A call to a fixed host (hostCalls) names its URL's scheme.
	kw := []string{"dependencies", "require", "import", "packages", "Dependencies", "allauth.socialaccount.providers.", "social_core.backends.", "://"}
	// A helper or a base class that sends with the global fetch may
	// import nothing (helpers, SentFields).
	kw = append(kw, "fetch(")
	// A file naming an HTML file may be what leads to an asset page
	// (assetPage).
	kw = append(kw, ".htm")
	// A page loads a script or a stylesheet from a protocol-relative URL
	// (src="//cdn.vendor.net/x.js"), which names no scheme (pageLoads).
	kw = append(kw, `"//`, `'//`)
	// A module that only re-exports another imports nothing by name, and
	// still imports it (dropUnimported).
	kw = append(kw, `from "`, `from '`)
	// Supabase Auth's sign-in names its providers as strings (signInUses).
	kw = append(kw, "signInWithOAuth", "linkIdentity")
	// Socialite, OmniAuth and Spring Security name their providers
	// (code.signInUses, springRegistrations); PHP, Ruby, Java and C# name
	// SDKs by the classes they use or import (code.qualifiedImports).
	kw = append(kw, "Socialite::", "omniauth", "OmniAuth", "oauth2")
	// Spring's mail server setting (spring.mail.host, or mail: host: in
	// YAML) is where the SMTP row's mail goes.
	kw = append(kw, "mail.host", "mail:")
	kw = append(kw, credential.Keywords...)
	// An option that switches a service on gives it an account (optionUses).
	kw = append(kw, "apiKey", "appId", "api_key", "app_id", "dsn", "clientId", "client_id", "writeKey", "siteId", "projectId")
	// A host's domain (groq.com for api.groq.com/openai) is a substring
	// of every mention of the host: one keyword serves all its hosts.
	seen := map[string]bool{}
	for _, s := range catalog.All() {
		for _, h := range s.Hosts {
			if d := domainOf(h); !seen[d] {
				seen[d] = true
				kw = append(kw, d)
			}
		}
		// A PHP, Ruby or C# name starts with its vendor's (Stripe,
		// Aws::S3); Java's follow "import".
		for _, l := range []string{"php", "ruby", "csharp"} {
			for _, m := range s.Imports[l] {
				if first, _, _ := strings.Cut(m, "."); !seen[first] {
					seen[first] = true
					kw = append(kw, first)
				}
			}
		}
		// A webhook header is read as written or in lower case.
		for _, h := range s.Headers {
			kw = append(kw, h, strings.ToLower(h))
		}
	}
	return kw
})

// domainOf is the last two labels of a catalogue host, without its path.
func domainOf(host string) string {
	host, _, _ = strings.Cut(host, "/")
	labels := strings.Split(host, ".")
	if len(labels) <= 2 {
		return host
	}
	return strings.Join(labels[len(labels)-2:], ".")
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, _ *detector.Sink) error {
	d.noteHTMLNames(f)
	if d.holdAssetPage(f) {
		return nil
	}
	if credential.IsEnvTemplate(f.Path) {
		d.env.addHosts(envTemplateHosts(f.Path, f.Data))
		return nil
	}
	if IsManifest(f.Path) {
		deps, err := ParseManifest(f.Path, f.Data)
		if err != nil {
			return err
		}
		d.mu.Lock()
		d.composer = d.composer || path.Base(f.Path) == "composer.json"
		for _, n := range productNames(f.Data) {
			d.products[n] = true
			if path.Dir(f.Path) == "." {
				d.rootProducts[n] = true
			}
		}
		for _, n := range packageNames(f.Data) {
			if b := brandOf(n); b != "" {
				d.brands[b] = true
			}
		}
		// A private workspace package (privatePackage) is never
		// published: its name may be any word, a service's SDK's too.
		if !privatePackage.Match(f.Data) {
			for _, n := range packageNames(f.Data) {
				d.published[n] = append(d.published[n], f.Path)
			}
		}
		d.mu.Unlock()
		for _, dep := range deps {
			if s := catalog.ForPackage(dep.Ecosystem, dep.Name); s != nil {
				ev := facts.Evidence{File: f.Path, Line: dep.Line}
				d.record(s.ID, ev)
				d.mu.Lock()
				if dep.Dev {
					d.dev[ev] = true
				}
				if sdkManifest(f.Path) {
					d.loaded[ev] = true
				}
				if path.Base(f.Path) == "composer.json" && !dep.Dev {
					d.composed[s.ID] = true
				}
				d.mu.Unlock()
			}
		}
		return nil
	}
	if path.Base(f.Path) == "setup.py" {
		if m := setupNameRE.FindSubmatch(f.Data); m != nil {
			d.mu.Lock()
			for _, n := range productNames([]byte(`"name": "` + string(m[1]) + `"`)) {
				d.products[n] = true
			}
			d.mu.Unlock()
		}
	}
	if IsTemplate(f.Path) || ServerConfig(f.Path) {
		d.pageOrConfig(f)
		return nil
	}
	if lang.Of(f.Path).Family() == lang.Ruby && geocoderElsewhere(code.Stripped(f)) {
		d.mu.Lock()
		d.redirected["nominatim"] = true
		d.mu.Unlock()
	}
	// A PHP file may be a Blade template: what its Blade and HTML
	// comments hold loads nothing, and its code is read without them.
	d.module(f)
	uses := code.FileUses(f)
	var page []byte
	if l := lang.Of(f.Path); l.Family() == lang.PHP && (bytes.Contains(f.Data, []byte("{{--")) || bytes.Contains(f.Data, []byte("<!--"))) {
		page = bladeCommentRE.ReplaceAllFunc(blankHTMLComments(code.Stripped(f)), blank)
		uses = code.Uses(l, page)
	}
	if l := lang.Of(f.Path); l == lang.HTML || l.Family() == lang.JavaScript || l.Family() == lang.PHP {
		src := code.Stripped(f)
		if l == lang.HTML {
			// HTML pages are also the templates of EJS, Handlebars,
			// Nunjucks and Jinja: their comments load nothing either.
			src = templateCommentRE.ReplaceAllFunc(blankHTMLComments(f.Data), blank)
		} else if page != nil {
			src = page
		}
		for _, u := range embedUses(l, src) {
			d.record(u.service.ID, facts.Evidence{File: f.Path, Line: code.LineAt(src, u.off)})
		}
		if l == lang.HTML || l.Family() == lang.PHP {
			d.pageLoads(f.Path, src)
		}
		if l.Family() == lang.JavaScript && ships(lang.RoleOf(f.Path).Kind) {
			d.recordLoads(f.Path, src, injectedScripts(src))
		}
		if l == lang.HTML {
			return nil
		}
	}
	// Keyed options, uncatalogued hosts and helpers are read in the
	// languages whose calls these readers know; PHP, Ruby, Java and C#
	// name their services by SDK names and catalogue hosts (code.Uses).
	if lang.Of(f.Path).Family() == lang.PHP && path.Base(path.Dir(f.Path)) != "config" && !lang.IsTest(f.Path) {
		seen := map[string]bool{}
		for _, m := range laravelMailerRE.FindAllSubmatchIndex(code.Stripped(f), -1) {
			if id := laravelMailers[string(code.Stripped(f)[m[2]:m[3]])]; id != "" && !seen[id] {
				seen[id] = true
				d.record(id, facts.Evidence{File: f.Path, Line: code.LineAt(code.Stripped(f), m[0])})
			}
		}
	}
	if code.Reads(lang.Of(f.Path)) {
		for _, u := range optionUses(code.Stripped(f)) {
			d.record(u.service.ID, facts.Evidence{File: f.Path, Line: code.LineAt(code.Stripped(f), u.off)})
		}
	}
	// Django wires a backend by its dotted path: a use like an import,
	// held to the same S3 endpoint rule below.
	var wired []code.Use
	if lang.Of(f.Path).Family() == lang.Python {
		for _, u := range dottedPaths(code.Stripped(f)) {
			wired = append(wired, code.Use{Service: u.service, Line: code.LineAt(code.Stripped(f), u.off)})
		}
		if off := djangoSMTP(f.Path, code.Stripped(f)); off >= 0 {
			wired = append(wired, code.Use{Service: catalog.ByID("smtp"), Line: code.LineAt(code.Stripped(f), off)})
		}
	}
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	redirected := openAICompatible(uses, code.Stripped(f))
	elsewhere, vendor, line, unset := s3Elsewhere(uses, code.Stripped(f))
	if vendor != nil {
		d.record(vendor.ID, facts.Evidence{File: f.Path, Line: line})
	}
	if elsewhere {
		// Django settings name their S3 backend without importing it.
		d.mu.Lock()
		d.redirected["aws-s3"] = true
		d.mu.Unlock()
	}
	// In Java the AWS SDK's shared packages (regions, credentials, a
	// request body) are imported beside its S3 package to build and feed
	// the S3 client: they go where that client goes, not to "AWS".
	s3Only := func(u code.Use) bool { return u.Service.ID == "aws-s3" }
	if f := lang.Of(f.Path).Family(); (f == lang.Java || f == lang.Kotlin) && slices.ContainsFunc(uses, s3Only) &&
		!slices.ContainsFunc(uses, func(u code.Use) bool { return u.Service.Parent == "aws" && u.Service.ID != "aws-s3" }) {
		s3Only = func(u code.Use) bool { return u.Service.ID == "aws-s3" || u.Service.ID == "aws" }
	}
	for _, u := range append(slices.Clone(uses), wired...) {
		if redirected && u.Service.ID == "openai" || elsewhere && s3Only(u) {
			d.mu.Lock()
			d.redirected[u.Service.ID] = true
			d.mu.Unlock()
			continue
		}
		if unset && s3Only(u) {
			d.mu.Lock()
			d.s3Unset = append(d.s3Unset, facts.Evidence{File: f.Path, Line: u.Line})
			d.mu.Unlock()
			continue
		}
		ev := facts.Evidence{File: f.Path, Line: u.Line}
		d.record(u.Service.ID, ev)
		if lang.Of(f.Path).Family() == lang.PHP && path.Base(path.Dir(f.Path)) == "config" {
			d.mu.Lock()
			d.stock[ev] = true
			d.mu.Unlock()
		}
	}
	if code.Reads(lang.Of(f.Path)) {
		d.hostCalls(f)
		d.helpers(f)
	} else if fam := lang.Of(f.Path).Family(); fam == lang.Ruby || fam == lang.PHP {
		d.hostCalls(f) // its client calls; its helpers are not read
	}
	var secrets []string
	for _, r := range credential.ReadsOf(f) {
		d.env.addRead(r.Name, facts.Evidence{File: f.Path, Line: r.Line})
		if !r.Secret() {
			continue
		}
		secrets = append(secrets, r.Name)
		// Reading a service's key is using the service, even through a
		// generic HTTP client and a host the code takes from settings.
		if s := catalog.CredentialOf(r.Name); s != nil {
			ev := facts.Evidence{File: f.Path, Line: r.Line}
			d.record(s.ID, ev)
			if lang.Of(f.Path).Family() == lang.PHP && path.Base(path.Dir(f.Path)) == "config" {
				// a framework's stock settings read every driver's key
				d.mu.Lock()
				d.stock[ev] = true
				d.mu.Unlock()
			}
		}
	}
	d.mu.Lock()
	for _, s := range secrets {
		d.secrets[s] = true
	}
	d.mu.Unlock()
	return nil
}

// baseURLRE is a client option that points an SDK at another host.
var baseURLRE = regexp.MustCompile(`(?i)\bbase_?url\b|\bapi_base\b|\bbasePath\b`)

// openAICompatible reports whether a file uses the OpenAI SDK only to
// reach another provider that speaks its API: it sets a base URL and
// names that provider's host, and never OpenAI's. The call goes to Groq
// or OpenRouter, and so do the prompts and the bill. Another provider
// the file reaches through its own SDK (an Ollama client beside an
// OpenAI one, each a backend to choose) is no host the base URL names.
func openAICompatible(uses []code.Use, src []byte) bool {
	sdk, other := false, false
	for _, u := range uses {
		switch {
		case u.Service.ID == "openai":
			sdk = true
		case u.Service.Category == "llm" && u.Service.Parent != "openai":
			other = other || slices.ContainsFunc(u.Service.Hosts, func(h string) bool { return bytes.Contains(src, []byte(h)) })
		}
	}
	if !sdk || !other || !baseURLRE.Match(src) {
		return false
	}
	for _, h := range catalog.ByID("openai").Hosts {
		if bytes.Contains(src, []byte(h)) {
			return false
		}
	}
	return true
}

// s3Elsewhere reports whether a file's S3 client speaks to someone other
// than Amazon (code.S3Endpoint, the one rule): a storage vendor, returned
// with the line that names it, or S3-compatible storage at the
// operator's endpoint, which is no third party. unset: the file uses the
// SDK but makes no client, so it sends where another file's client does.
func s3Elsewhere(uses []code.Use, src []byte) (elsewhere bool, vendor *catalog.Service, line int, unset bool) {
	target, v, line := code.S3Endpoint(uses, src)
	switch target {
	case code.S3Vendor:
		return true, v, line, false
	case code.S3Compatible:
		return true, nil, 0, false
	}
	return false, nil, 0, target == code.S3Unset
}

// hostCalls records the calls a file makes over HTTP to a fixed host that
// no catalogue entry names: the catalogue cannot list every vendor, and a
// call to api.vendor.io sends what it sends to vendor.io whatever that
// is. Only the call's target counts (code.HostCalls), never a URL in
// text, and the secrets the call reads (its Authorization header's key)
// are the service's. Whether the file runs on the server is Finish's to
// say, with the roles the whole tree decides.
func (d *Detector) hostCalls(f *detector.File) {
	calls := code.HostCalls(lang.Of(f.Path), code.Stripped(f))
	if len(calls) == 0 {
		return
	}
	if code.ImportsMock(code.Imports(lang.Of(f.Path), code.Stripped(f))) {
		return // a file that fakes hosts calls none of them
	}
	stripped := code.Stripped(f)
	reads := credential.ReadsOf(f)
	lines := code.NewLines(stripped)
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, c := range calls {
		d.hostCall(f.Path, c.URL, c.Host, lines.At(c.Off), lines.At(c.End), reads)
	}
}

// hostCall records one call to a fixed URL, from line from to line to of
// file p, with the secrets read in those lines. The caller holds d.mu.
func (d *Detector) hostCall(p, u, host string, from, to int, reads []credential.Read) {
	v := code.Vendor(host)
	if v == "" {
		return
	}
	owner, listed, catalogued := code.Catalogued(u)
	if listed || catalogued && owner == nil {
		return
	}
	// A vendor the catalogue lists under the domain (uptime.betterstack.com
	// is Better Stack's, whose entry names its log hosts) or under its
	// domain's name (segment.io is Segment) keeps the catalogue's name,
	// though the host is not one of the entry's.
	if owner == nil {
		owner = catalog.ByID(strings.SplitN(v, ".", 2)[0])
	}
	if owner != nil && owner.ThirdParty() {
		d.uses[owner.ID] = append(d.uses[owner.ID], facts.Evidence{File: p, Line: from})
		return
	}
	if catalogued {
		return // a store's domain: the store detector's
	}
	call := hostCall{at: facts.Evidence{File: p, Line: from}, host: host}
	for _, r := range reads {
		if r.Line >= from && r.Line <= to && r.Secret() {
			call.creds = append(call.creds, r.Name)
		}
	}
	d.hosts[v] = append(d.hosts[v], call)
}

// helpers records the functions a file defines that hand a parameter on
// as a request's target (code.Funcs), and the calls that hand a fixed
// URL to a named function (code.ArgCalls): Finish joins them across the
// tree, so a vendor reached through the app's own fetch wrapper, a Go
// DoPost helper or a client's _request method is called by the wrapper's
// caller.
func (d *Detector) helpers(f *detector.File) {
	l := lang.Of(f.Path)
	stripped := code.Stripped(f)
	funcs := code.Funcs(l, stripped)
	calls := code.ArgCalls(l, stripped)
	sent := code.SentFields(l, stripped)
	var fields []fieldURL
	for _, fu := range code.InheritedFieldURLs(l, stripped) {
		fields = append(fields, fieldURL{path: f.Path, field: fu, line: code.LineAt(stripped, fu.Off)})
	}
	if len(funcs) == 0 && len(calls) == 0 && len(sent) == 0 && len(fields) == 0 {
		return
	}
	var pending []argCall
	if len(calls) > 0 && !code.ImportsMock(code.Imports(l, stripped)) {
		reads := credential.ReadsOf(f)
		lines := code.NewLines(stripped)
		for _, c := range calls {
			from, to := lines.At(c.Off), lines.At(c.End)
			var rs []credential.Read
			for _, r := range reads {
				if r.Line >= from && r.Line <= to {
					rs = append(rs, r)
				}
			}
			pending = append(pending, argCall{path: f.Path, call: c, from: from, to: to, reads: rs})
		}
	}
	d.mu.Lock()
	d.funcs = append(d.funcs, funcs...)
	d.argCalls = append(d.argCalls, pending...)
	for _, n := range sent {
		d.sentFields[n] = true
	}
	d.fieldURLs = append(d.fieldURLs, fields...)
	d.mu.Unlock()
}

// fieldURL is a field a subclass sets to a fixed URL (code.InheritedFieldURLs),
// kept until Finish knows which fields some class's requests go to.
type fieldURL struct {
	path  string
	field code.FieldURL
	line  int
}

// argCall is a call that hands a fixed URL to a named function, kept
// until Finish knows which names are helpers that send it.
type argCall struct {
	path     string
	call     code.ArgCall
	from, to int
	reads    []credential.Read
}

// wrapperCalls records the calls, kept by helpers, whose callee sends
// the argument they hand it: a function whose parameter reaches an HTTP
// client's URL (code.Func.Direct), or one that hands it to such a
// function, up to two helpers deep. A helper is known by its name and
// the parameter's place, wherever the tree defines it.
func (d *Detector) wrapperCalls() {
	sends := map[code.Pass]bool{}
	for _, f := range d.funcs {
		if f.Direct {
			sends[code.Pass{Callee: f.Name, Arg: f.Param}] = true
		}
	}
	for range 2 {
		for _, f := range d.funcs {
			k := code.Pass{Callee: f.Name, Arg: f.Param}
			if !sends[k] && slices.ContainsFunc(f.Passes, func(p code.Pass) bool { return sends[p] }) {
				sends[k] = true
			}
		}
	}
	for _, c := range d.argCalls {
		if sends[code.Pass{Callee: c.call.Callee, Arg: c.call.Arg}] {
			d.hostCall(c.path, c.call.URL, c.call.Host, c.from, c.to, c.reads)
		}
	}
	// A subclass's base URL, where some base class sends its requests
	// (`${this.baseUrl}${path}`): the subclass calls that host.
	for _, fu := range d.fieldURLs {
		if d.sentFields[fu.field.Name] {
			d.hostCall(fu.path, fu.field.URL, fu.field.Host, fu.line, fu.line, nil)
		}
	}
}

func (d *Detector) record(id string, ev facts.Evidence) {
	d.mu.Lock()
	d.uses[id] = append(d.uses[id], ev)
	d.mu.Unlock()
}

// ships reports whether code of this kind can show a service the
// product uses: not a test, an example, a hand-run script, a migration,
// CI or a developer's environment, nor a library copied in, nor the
// documentation: a docs site's search or analytics serve the docs'
// readers, not the product's users, and hold none of their data.
// Tooling stays: what a tools/ folder holds is the roles' to say (khoj's
// search clients are app code).
func ships(k lang.Kind) bool {
	switch k {
	case lang.Test, lang.Fixture, lang.Example, lang.Script, lang.Migration, lang.CI, lang.DevEnv, lang.Vendored, lang.Docs:
		return false
	}
	return true
}

// Finish implements detector.Finisher. A parent SDK (boto3, aws-sdk) whose
// services were picked out by calls is folded into them: "AWS" alone says
// less than "Amazon S3" and "Amazon SES", and its evidence is theirs.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	if err := d.readNamedAssetPages(ctx); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.wrapperCalls()
	d.dropUnimported()
	d.envHostUses(out)
	if len(d.s3Settings) > 0 && (len(d.uses["aws-s3"]) > 0 || d.redirected["aws-s3"] || len(d.s3Unset) > 0) {
		d.uses["aws-s3"] = append(d.uses["aws-s3"], d.s3Settings...)
	}
	if len(d.mailSettings) > 0 && len(d.uses["smtp"]) > 0 {
		d.uses["smtp"] = append(d.uses["smtp"], d.mailSettings...)
	}
	if len(d.s3Unset) > 0 && (!d.redirected["aws-s3"] || slices.ContainsFunc(d.uses["aws-s3"], func(e facts.Evidence) bool { return !IsManifest(e.File) })) {
		d.uses["aws-s3"] = append(d.uses["aws-s3"], d.s3Unset...)
	}
	for id := range d.uses {
		if d.publishes(catalog.ByID(id), out) {
			delete(d.uses, id)
		}
	}
	for id, ev := range d.uses {
		if s := catalog.ByID(id); d.composer && len(s.Packages[catalog.Composer]) > 0 && !d.composed[id] {
			d.uses[id] = slices.DeleteFunc(ev, func(e facts.Evidence) bool { return d.stock[e] })
		}
	}
	children := map[string][]string{}
	shipping := func(ev facts.Evidence) bool {
		return !d.dev[ev] && ships(out.RoleOf(ev.File).Kind)
	}
	shipped := map[string]bool{}
	// used: code the product ships imports, calls or configures the
	// service. A dependency declared and never imported anywhere sends
	// nothing (a package.json's nodemailer no file requires is no SMTP).
	used := map[string]bool{}
	for id, ev := range d.uses {
		shipped[id] = slices.ContainsFunc(ev, shipping)
		used[id] = slices.ContainsFunc(ev, func(e facts.Evidence) bool { return (!IsManifest(e.File) || d.loaded[e]) && shipping(e) })
	}
	for id := range d.uses {
		if !shipped[id] {
			continue
		}
		// Only a platform's generic SDK folds (boto3 into S3): OpenAI is
		// a service itself beside Azure OpenAI.
		if s := catalog.ByID(id); s.Parent != "" && catalog.ByID(s.Parent).Category == "cloud" {
			children[s.Parent] = append(children[s.Parent], id)
		}
	}
	creds := map[string][]string{} // service id -> secrets
	for name := range d.secrets {
		if s := credential.ServiceOf(name, true); s != nil {
			creds[s.ID] = append(creds[s.ID], name)
		}
	}
	for id, ev := range d.uses {
		s := catalog.ByID(id)
		// A service only a devDependency, a test, a script or an example
		// shows is none the product uses; beside one it ships, that
		// evidence stays.
		if !s.ThirdParty() || len(children[id]) > 0 || !shipped[id] && !shipped[s.Parent] {
			continue
		}
		if !used[id] && !used[s.Parent] {
			continue // declared, never imported
		}
		if d.redirected[id] && !slices.ContainsFunc(ev, func(e facts.Evidence) bool { return !IsManifest(e.File) }) {
			continue // declared, and used only to reach another vendor
		}
		evidence := slices.Clone(ev)
		credentials := slices.Clone(creds[id])
		if s.Parent != "" {
			evidence = append(evidence, d.uses[s.Parent]...)
			credentials = append(credentials, creds[s.Parent]...)
		}
		out.AddThirdParty(facts.ThirdParty{
			Service:     s.ID,
			Name:        s.Name,
			Category:    s.Category,
			Asset:       s.Asset,
			Evidence:    dedupe(evidence),
			Credentials: credentialsOrEmpty(credentials),
		})
	}
	vendors := map[string]bool{}
	for v := range d.hosts {
		vendors[v] = true
	}
	for v := range d.pageHosts {
		vendors[v] = true
	}
	for v := range vendors {
		if d.ownDomain(v) {
			continue // the product's own site: its update check, its docs
		}
		// Only the server's calls: not a page's script (its request goes
		// from the user's browser), a test, a script or an example.
		var ev []facts.Evidence
		var creds []string
		for _, c := range d.hosts[v] {
			if out.RoleOf(c.at.File).Kind == lang.App && !d.ownSubdomain(c.host, v) {
				ev = append(ev, c.at)
				creds = append(creds, c.creds...)
			}
		}
		category, asset := "api", "user-data"
		// Only the pages the product serves: not a test's, an example's
		// or the documentation's.
		var loads []facts.Evidence
		for _, e := range d.pageHosts[v] {
			if ships(out.RoleOf(e.File).Kind) {
				loads = append(loads, e)
			}
		}
		if len(ev) == 0 && len(loads) > 0 {
			// What the host serves runs in the product's pages.
			category, asset = "cdn", "integrity"
		}
		ev = append(ev, loads...)
		if len(ev) == 0 {
			continue
		}
		slices.Sort(creds)
		out.AddThirdParty(facts.ThirdParty{
			Service:     v,
			Name:        v,
			Category:    category,
			Asset:       asset,
			Evidence:    dedupe(ev),
			Credentials: credentialsOrEmpty(slices.Compact(creds)),
			Source:      facts.ThirdPartyByHost,
		})
	}
	return nil
}

// hostNameRE is a host name as a page writes it, with no template
// placeholder left in it.
var hostNameRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$`)

// pageLoads records the scripts and stylesheets a page (src, the file
// at p with its comments blanked) loads from other hosts: a catalogue
// service by its host, else the vendor whose host it is, by registrable
// domain (cdn.vendor.net and static.vendor.net are vendor.net).
func (d *Detector) pageLoads(p string, src []byte) {
	d.recordLoads(p, src, pageLoads(src, indentedTemplate(p)))
}

// recordLoads records loads of the file at p, as pageLoads does.
func (d *Detector) recordLoads(p string, src []byte, loads []pageLoad) {
	for _, ld := range loads {
		ev := facts.Evidence{File: p, Line: code.LineAt(src, ld.off)}
		if s := urlService(ld.url); s != nil {
			d.record(s.ID, ev)
			continue
		}
		host := code.URLHost(ld.url)
		v := code.Vendor(host)
		if v == "" || !hostNameRE.MatchString(host) {
			continue // the product's own host, a placeholder, an example's
		}
		if _, listed, catalogued := code.Catalogued(ld.url); listed || catalogued {
			continue // a store's host, or a domain several services share
		}
		// A vendor the catalogue lists under its domain's name (as
		// hostCall).
		if owner := catalog.ByID(strings.SplitN(v, ".", 2)[0]); owner != nil {
			if owner.ThirdParty() {
				d.record(owner.ID, ev)
			}
			continue
		}
		d.mu.Lock()
		d.pageHosts[v] = append(d.pageHosts[v], ev)
		d.mu.Unlock()
	}
}

// productNameRE is the name a manifest gives what it builds: go.mod's
// module path, package.json's "name", pyproject.toml's name = "...".
var productNameRE = regexp.MustCompile(`(?m)^module\s+(\S+)|^\s*"name"\s*:\s*"([^"]+)"|^name\s*=\s*["']([^"']+)["']`)

// privatePackage is package.json's "private": true, or its license
// "UNLICENSED", npm's mark of a package no one may use and so one never
// published (a workspace's scripts folder named after the CMS it migrates).
var privatePackage = regexp.MustCompile(`"private"\s*:\s*true\b|"license"\s*:\s*"UNLICENSED"`)

// setupNameRE is the name setup.py gives the package: setup(name="x").
var setupNameRE = regexp.MustCompile(`\bname\s*=\s*["']([\w.-]+)["']`)

// ownDomain reports whether a vendor domain is the product's own: named
// like the product (listmonk.app, changedetection.io), or a host of the
// product's own on a platform's shared domain (openstatus-checker.fly.dev
// for openstatus).
func (d *Detector) ownDomain(v string) bool {
	label := strings.SplitN(v, ".", 2)[0]
	if d.products[label] || d.products[v] {
		return true
	}
	// On a platform's domain (fly.dev, onrender.com: a registrable domain
	// of three labels) the product's hosts are named for it first.
	return strings.Count(v, ".") >= 2 && d.products[strings.SplitN(label, "-", 2)[0]]
}

// ownSubdomain reports whether a host under vendor domain v is named
// for the product by one of its subdomain's labels: the product's own
// service on its author's domain (zipline.example.sh for zipline).
func (d *Detector) ownSubdomain(host, v string) bool {
	sub, ok := strings.CutSuffix(strings.ToLower(host), "."+v)
	if !ok {
		return false
	}
	for _, label := range strings.Split(sub, ".") {
		if d.rootProducts[label] {
			return true
		}
	}
	return false
}

// packageNames are the full names a manifest gives what it builds, lower
// case: go.mod's module path, package.json's and pyproject.toml's name.
func packageNames(data []byte) []string {
	var out []string
	for _, m := range productNameRE.FindAllSubmatch(data, 2) {
		out = append(out, strings.ToLower(string(m[1])+string(m[2])+string(m[3])))
	}
	return out
}

// brandOf is the product name a package name carries: an npm scope
// (@dub/ui), a Go module path's last element (github.com/acme/shop/v2 is
// shop); a bare package name carries none (a workspace's "ui").
func brandOf(name string) string {
	switch {
	case strings.HasPrefix(name, "@") && strings.Contains(name, "/"):
		return strings.TrimPrefix(name[:strings.IndexByte(name, '/')], "@")
	case strings.Count(name, "/") >= 2 && strings.Contains(name[:strings.IndexByte(name, '/')], "."):
		return strings.ToLower(moduleName(name))
	}
	return ""
}

// publishes reports whether the service is the product itself: a
// manifest of code the product ships builds one of the service's own
// packages, or the service goes by the product's brand.
func (d *Detector) publishes(s *catalog.Service, out *detector.Sink) bool {
	if s == nil {
		return false
	}
	if d.brands[s.ID] {
		return true
	}
	for _, pkgs := range s.Packages {
		for _, p := range pkgs {
			if d.brands[strings.ToLower(p)] {
				return true
			}
			for _, m := range d.publishedAs(strings.ToLower(p)) {
				if ships(out.RoleOf(m).Kind) {
					return true
				}
			}
		}
	}
	return false
}

// publishedAs are the manifests that build the package named, or, for
// an entry that takes a whole npm scope ("@teamhanko/*"), any package of
// that scope: a scope belongs to one publisher.
func (d *Detector) publishedAs(name string) []string {
	scope, ok := strings.CutSuffix(name, "/*")
	if !ok {
		return d.published[name]
	}
	var out []string
	for n, ms := range d.published {
		if strings.HasPrefix(n, scope+"/") {
			out = append(out, ms...)
		}
	}
	return out
}

// productNames are the words of the names a manifest gives the product:
// its module path's last element (github.com/knadh/listmonk is
// listmonk), a package's scope and name (@documenso/remix is documenso
// and remix).
func productNames(data []byte) []string {
	var out []string
	for _, m := range productNameRE.FindAllSubmatch(data, 2) {
		name := string(m[1]) + string(m[2]) + string(m[3])
		if m[1] != nil {
			name = moduleName(name)
		}
		for _, part := range strings.Split(strings.TrimPrefix(name, "@"), "/") {
			if part != "" {
				out = append(out, strings.ToLower(part))
			}
		}
	}
	return out
}

// moduleName is a Go module path's last element, a major version
// skipped: example.com/app/v2 is app.
func moduleName(path string) string {
	elems := strings.Split(path, "/")
	if last := elems[len(elems)-1]; len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		elems = elems[:len(elems)-1]
	}
	return elems[len(elems)-1]
}

func dedupe(ev []facts.Evidence) []facts.Evidence {
	seen := map[facts.Evidence]bool{}
	out := ev[:0]
	for _, e := range ev {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

func credentialsOrEmpty(c []string) []string {
	if c == nil {
		return []string{}
	}
	return c
}

// geocoderLookupRE is Ruby geocoder's configuration choosing its street
// address lookup: Geocoder.configure(lookup: :google, ...) or the
// hash-rocket form. ip_lookup chooses the IP service and is not read.
var geocoderLookupRE = regexp.MustCompile(`\bGeocoder\.configure\b[^;]{0,600}?(?:[^\w:]lookup\s*:|:lookup\s*=>)\s*:?["']?(\w+)`)

// geocoderElsewhere reports whether a Ruby file points the geocoder gem
// at a lookup other than its default, Nominatim: its Gemfile line then
// names no service (Finish drops a redirected service with no other
// evidence).
func geocoderElsewhere(src []byte) bool {
	for _, m := range geocoderLookupRE.FindAllSubmatch(src, -1) {
		if string(m[1]) != "nominatim" {
			return true
		}
	}
	return false
}

// laravelMailerRE is a setting of one of Laravel's mail transports that
// the app's own code fills or reads (Config::set('services.ses.key', ...),
// config('mail.mailers.postmark.token')): the app wires that transport,
// unlike the stock block every skeleton's settings carry.
// Only as the key of a Config::set or config() call: a list of every
// settings key (an IDE helper's .phpstorm.meta.php) names them all.
var laravelMailerRE = regexp.MustCompile(`(?:\bConfig::(?:set|get)|\bconfig)\(\s*\[?\s*['"](?:services|mail\.mailers)\.(\w+)\.\w+['"]`)

// laravelMailers are Laravel's mail transports by their settings key,
// as catalogue ids.
var laravelMailers = map[string]string{"ses": "aws-ses", "mailgun": "mailgun", "postmark": "postmark", "resend": "resend", "sendgrid": "sendgrid", "sparkpost": "sparkpost", "brevo": "brevo", "mailersend": "mailersend"}
