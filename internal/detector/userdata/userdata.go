// Package userdata finds the user data a product keeps: ORM models and
// table definitions (Prisma, SQLAlchemy, SQLModel, Django, GORM, TypeORM,
// Sequelize, Mongoose, SQL migrations) with fields that hold personal
// data (e-mail, password hashes, phone, address, payment data, tokens,
// prompts and messages, uploaded files). Each such model is a user-data
// asset; a model that holds billing state (plan, credits, subscription)
// is an integrity asset. Models with neither are not assets.
package userdata

import (
	"bytes"
	"cmp"
	"context"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the user-data detector. It keeps every model it read, for
// Finish: a model that belongs to a user is user data whatever its
// fields are called, and the user model may be declared in another file.
type Detector struct {
	mu   sync.Mutex
	seen []seenModel
	// steps are the migration files read; pending the assets their
	// models make, held until Finish knows which tables a later
	// migration drops or renames. current: models declared outside
	// migrations (a schema file, ORM classes), which no drop undoes.
	steps   []*migrationStep
	pending []pendingAsset
	current map[string]bool
	// textOnly: assets of models whose only personal fields are free
	// text, held until Finish knows whether a user owns the model.
	textOnly []pendingAsset
	// idCols are the columns the code fills from an identifier
	// generator (self.token ||= TypeID.new(...)): a public id, however
	// it is named, no secret.
	idCols map[string]bool
	// namesOnly: assets of models whose only personal fields are names
	// or handles, held until Finish knows whether the model is the
	// app's user model or belongs to one (namedOnly).
	namesOnly []pendingAsset
	// authUser: the models an auth library's adapter keeps its users in,
	// by the library's contract (next-auth's Prisma adapter reads and
	// writes prisma.user): the app's people, proven by code that signs
	// them in, whatever their own fields say.
	authUser map[string]bool
	// signedInUser: some code reads the signed-in user a framework or
	// auth library hands it (Flask-Login's current_user, Django's
	// request.user, Passport's req.user, Laravel's Authenticatable or
	// auth()->user(), Devise's current_user): the app has accounts.
	signedInUser bool
	// written: per model key, the plain columns the code fills with the
	// signed-in user's id (owners.go).
	written map[string]map[string]bool
	// session: per model key, the plain columns the code fills or
	// compares with an id it proves is the signed-in caller's
	// (sessionID): owner columns when users live in a sign-in provider
	// and no model of them is read.
	session map[string]map[string]bool
	// callerCols: the columns Go and PHP code fill with the caller's id
	// or compare with it, tree-wide (callerColumns).
	callerCols map[string]bool
	// callerKeys: the relation fields Django code matches or fills with
	// the signed-in user on a queryset or a serializer whose model it
	// does not name (filter(owner=request.user)), tree-wide.
	callerKeys map[string]bool
	// migrated: the Go types code hands gorm as models (AutoMigrate,
	// db.Model), "package.Type"; goPlain: the Go structs no tag of their
	// own maps to a table, which are models when migrated names them.
	migrated map[string]bool
	goPlain  []goPlain
	// py: per Python file, its model classes and the classes on bases
	// defined elsewhere, for models whose base is another file's.
	py []*pyFile
	// cs: per C# file, its classes, for the models a DbContext in
	// another file names (csharp.go).
	cs []*csFile
	// structures: the models and assets of Rails' db/structure.sql
	// files, held until Finish knows whether a schema.rb beside one is
	// the live schema (railsSchemas, by folder) or the app chose the SQL
	// format (sqlFormat).
	structures   []heldSchema
	railsSchemas map[string]bool
	// rbOwners: what Rails model files say about polymorphic owners.
	rbOwners  []*rbOwnerSide
	sqlFormat bool
	// phpParents: each PHP class's parent class; phpMorphs: the
	// polymorphic rows Eloquent classes own (laravelMorphOwners).
	phpParents map[string]string
	phpMorphs  []phpMorph
}

// heldSchema is what one structure.sql declares.
type heldSchema struct {
	file     string
	assets   []pendingAsset
	seen     []seenModel
	textOnly []bool
}

// goPlain is a Go struct with no ORM mark, its package and file.
type goPlain struct {
	pkg, file string
	model     Model
}

// addColumns adds per-model column sets to *into, which it makes when
// it is nil.
func addColumns(into *map[string]map[string]bool, from map[string]map[string]bool) {
	if len(from) == 0 {
		return
	}
	if *into == nil {
		*into = map[string]map[string]bool{}
	}
	for k, cols := range from {
		if (*into)[k] == nil {
			(*into)[k] = map[string]bool{}
		}
		for c := range cols {
			(*into)[k][c] = true
		}
	}
}

// pendingAsset is an asset of a model a migration declares.
type pendingAsset struct {
	asset   facts.Asset
	model   string
	file    string
	billing bool
}

// seenModel is a model read in one file, with what its own fields made it.
type seenModel struct {
	Model
	file string
	// userData: its fields already made it user data. A model that is only
	// billing state (a subscription, a balance) and belongs to a user is
	// that user's data too.
	userData bool
	// person: its fields say who someone is, how to reach them or how
	// they sign in (identity, contact, a password): the app's user model,
	// or another record of a person. An API key or a token alone is an
	// integration's (a provider's key, a connector's token), not a person.
	person bool
	// signsIn: the person is named (identity) or signs in with a
	// password, or the model is the framework's user: who it is, not
	// only how to reach it (a team's or a workspace's e-mail).
	signsIn bool
	// secret: a field holds a secret something signs in with (a token,
	// a key, a password).
	secret bool
	// namesOnly: its only personal fields are what someone is called (a
	// login, a handle, a full name), and free text: no way to reach
	// them, no secret.
	namesOnly bool
	// calledOnly: its only personal fields are what it is called (a
	// display_name), with no login, contact or secret: a group's or a
	// role's name reads the same as a person's.
	calledOnly bool
	// credential: a secret beside the service it opens (a host, a port,
	// a gateway) and nothing of a person but a login: the app's own
	// account with a mail server, a database or a provider.
	credential bool
}

// New returns the detector, for one scan.
func New() *Detector {
	return &Detector{current: map[string]bool{}, authUser: map[string]bool{}, written: map[string]map[string]bool{}}
}

// Name implements detector.Detector.
func (*Detector) Name() string { return "asset/user-data" }

// Match implements detector.Detector: schema files, SQL and non-test code.
func (*Detector) Match(p string) bool {
	switch l := lang.Of(p); l {
	case lang.Prisma, lang.SQL:
		return true
	default:
		if l.Family() == lang.Ruby {
			return (isRailsSchema(p) || isRailsMigration(p) || isRailsSettings(p) || isRailsModel(p)) && !lang.IsTest(p)
		}
		return (code.Reads(l) || l.Family() == lang.PHP || l == lang.CSharp) && !lang.IsTest(p)
	}
}

// Keywords implements detector.Keyworded: what every model definition
// this package reads contains.
func (*Detector) Keywords() []string {
	return []string{"DROP TABLE", "drop table", "dropTable", "drop_table", "DeleteModel", "RENAME TO", "rename to", "renameTable", "rename_table", "RenameModel", "model ", "Column", "column", "Field", "Model", "gorm", `db:"`, `bun:"`, `xorm:"`, "@Entity", "define(", ".init(", "Schema", "CREATE TABLE", "create table", "Create Table", "Mapped[", "table=True", "collection(", "Collection(", "createTable(", "ALTER TABLE", "alter table", "INSERT INTO", "insert into", "Insert Into", "drizzle-orm", "prisma-adapter", "struct {", "AutoMigrate(", "create({", "upsert({", "update({", "objects.create(", "objects.get_or_create(", ".values({", "user.Id", "User.Id", "user.ID", "User.ID", "userId", "userID", "user->id", "User->id", "user->getKey()", "user()->id", "user()->getKey()", "::id()", "()->id()", "current_user", "request.user", "req.user", "Authenticatable", "auth()->", "Auth::", "AbstractUser", "AbstractBaseUser", "devise", "getServerSession(", "useSession(", "@AuthenticationPrincipal", "UserDetails", "create_table", "change_table", "add_column", "add_reference", "add_belongs_to", "add_foreign_key", "schema_format", "{ get;", "{get;", "IdentityUser", "DbSet<", "DbContext", "as: :", "include ", "pay_customer", "pay_merchant", "morphMany(", "morphOne(", "has_noticed_notifications", "TypeID.new", "ULID.generate"}
}

// Detect implements detector.Detector.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	models := FileModels(ctx, f)
	if users := adapterUsers(f); len(users) > 0 {
		d.mu.Lock()
		for _, u := range users {
			d.authUser[u] = true
		}
		d.mu.Unlock()
	}
	if !lang.IsTest(f.Path) && signedInUserRE.Match(f.Data) {
		d.mu.Lock()
		d.signedInUser = true
		d.mu.Unlock()
	}
	if keys := djangoCallerKeys(f); len(keys) > 0 {
		d.mu.Lock()
		if d.callerKeys == nil {
			d.callerKeys = map[string]bool{}
		}
		for _, k := range keys {
			d.callerKeys[k] = true
		}
		d.mu.Unlock()
	}
	if cols := idColumns(f); len(cols) > 0 {
		d.mu.Lock()
		if d.idCols == nil {
			d.idCols = map[string]bool{}
		}
		for _, c := range cols {
			d.idCols[c] = true
		}
		d.mu.Unlock()
	}
	if cols := callerColumns(f); len(cols) > 0 {
		d.mu.Lock()
		if d.callerCols == nil {
			d.callerCols = map[string]bool{}
		}
		for _, c := range cols {
			d.callerCols[c] = true
		}
		d.mu.Unlock()
	}
	if lang.Of(f.Path) == lang.CSharp {
		if cf := readCSFile(f); cf != nil {
			d.mu.Lock()
			d.cs = append(d.cs, cf)
			d.mu.Unlock()
		}
		return nil // its models are resolved across files in Finish
	}
	if lang.Of(f.Path) == lang.PHP && !lang.IsTest(f.Path) {
		parents, morphs := phpClasses(f)
		if len(parents) > 0 {
			d.mu.Lock()
			if d.phpParents == nil {
				d.phpParents = map[string]string{}
			}
			maps.Copy(d.phpParents, parents)
			d.phpMorphs = append(d.phpMorphs, morphs...)
			d.mu.Unlock()
		}
	}
	if isRailsModel(f.Path) {
		if side := railsOwnerSide(f.Path, lang.StripComments(lang.Of(f.Path), f.Data)); side != nil {
			d.mu.Lock()
			d.rbOwners = append(d.rbOwners, side)
			d.mu.Unlock()
		}
		if len(models) == 0 {
			return nil // an ActiveRecord class: its table is the schema's
		}
	}
	if isRailsSettings(f.Path) {
		if railsSQLFormatRE.Match(lang.StripComments(lang.Of(f.Path), f.Data)) {
			d.mu.Lock()
			d.sqlFormat = true
			d.mu.Unlock()
		}
		return nil
	}
	if isRailsSchema(f.Path) && len(models) > 0 {
		d.mu.Lock()
		if d.railsSchemas == nil {
			d.railsSchemas = map[string]bool{}
		}
		d.railsSchemas[path.Dir(f.Path)] = true
		d.mu.Unlock()
	}
	var held *heldSchema
	if isRailsStructure(f.Path) {
		held = &heldSchema{file: f.Path}
	}
	if lang.Of(f.Path).Family() == lang.Go && appCode(f.Path) {
		src := lang.StripComments(lang.Of(f.Path), f.Data)
		migrated := migratedTypes(src)
		var plain []Model
		var pkg string
		if bytes.Contains(src, []byte("struct {")) {
			pkg, plain = goPlainStructs(src)
		}
		if len(migrated) > 0 || len(plain) > 0 {
			d.mu.Lock()
			if d.migrated == nil {
				d.migrated = map[string]bool{}
			}
			for _, t := range migrated {
				d.migrated[t] = true
			}
			for _, m := range plain {
				d.goPlain = append(d.goPlain, goPlain{pkg: pkg, file: f.Path, model: m})
			}
			d.mu.Unlock()
		}
	}
	if w, session := writtenOwners(f); len(w) > 0 || len(session) > 0 {
		d.mu.Lock()
		addColumns(&d.session, session)
		addColumns(&d.written, w)
		d.mu.Unlock()
	}
	if pf := readPyFile(f.Path, f.Data); pf != nil {
		d.mu.Lock()
		d.py = append(d.py, pf)
		d.mu.Unlock()
	}
	var step *migrationStep
	if isMigration(f.Path) {
		step = &migrationStep{file: f.Path, declared: map[string]string{}, firstLine: map[string]int{}, ops: schemaOps(f.Path, f.Data)}
		if m := alembicRevRE.FindSubmatch(f.Data); m != nil {
			step.rev = string(m[1])
			if m := alembicDownRE.FindSubmatch(f.Data); m != nil {
				step.follows = string(m[1])
			}
		}
		for _, m := range models {
			k := code.ModelKey(m.Name)
			step.declared[k] = m.Name
			if l, ok := step.firstLine[k]; !ok || m.Line < l {
				step.firstLine[k] = m.Line
			}
		}
	}
	var pending []pendingAsset
	var seen []seenModel
	var textOnly, names []pendingAsset
	add := func(a facts.Asset, model string, billing bool) {
		p := pendingAsset{asset: a, model: model, file: f.Path, billing: billing}
		switch {
		case held != nil:
			held.assets = append(held.assets, p)
			held.textOnly = append(held.textOnly, freeTextOnly(a))
		case step != nil:
			pending = append(pending, p)
		case heldBack(a):
			textOnly = append(textOnly, p)
		case namesOnlyAsset(a):
			names = append(names, p)
		default:
			out.AddAsset(a)
		}
	}
	for _, m := range models {
		user, billing, sm := classify(m, f.Path)
		if user != nil {
			add(*user, m.Name, false)
		}
		if billing != nil {
			add(*billing, m.Name, true)
		}
		seen = append(seen, sm)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if held != nil {
		held.seen = seen
		d.structures = append(d.structures, *held)
		return nil
	}
	d.seen = append(d.seen, seen...)
	if step != nil && (len(step.declared) > 0 || len(step.ops) > 0) {
		d.steps = append(d.steps, step)
	}
	d.pending = append(d.pending, pending...)
	d.textOnly = append(d.textOnly, textOnly...)
	d.namesOnly = append(d.namesOnly, names...)
	if step == nil {
		for _, m := range models {
			d.current[code.ModelKey(m.Name)] = true
		}
	}
	return nil
}

// classify reads what a model's fields make it: its user-data asset, its
// billing state's integrity asset (each nil when none), and the model as
// Finish sees it.
func classify(m Model, file string) (user, billing *facts.Asset, sm seenModel) {
	if migrationLedger(m) {
		return nil, nil, seenModel{Model: m, file: file}
	}
	var personal, billingState []string
	classes := map[string]string{}
	person := m.Account
	signsIn, secret, credential := m.Account, false, false
	logged := logRecord(m.Fields)
	keys := relationKeys(m)
	ref := referenceRecord(m, keys)
	registration := serviceRegistration(m.Fields)
	for _, field := range m.Fields {
		if keys[field.Name] {
			continue // another row's key (user_auth_tokens, location_children), whatever its name
		}
		if slices.Contains(personal, field.Name) || slices.Contains(billingState, field.Name) {
			// a column a table rebuilt in the same file declares again
			// (SQLite's copy-and-rename), read once
			continue
		}
		c := FieldClass(m.Name, field)
		if c == Contact && registration && !placeField(field.Name) {
			c = "" // a remote service's contact address, no person's
		}
		if ref && c == Identity && strings.Contains(strings.ToLower(field.Name), "name") {
			c = "" // a language's or licence's full_name names the thing
		}
		if c == FreeText && logged {
			c = ""
		}
		switch KindOf(c) {
		case KindUserData:
			personal = append(personal, field.Name)
			if c == Financial && slices.ContainsFunc(code.Words(field.Name), func(w string) bool { return words[w] == Billing }) {
				// stripe_customer_id: the provider's customer, and billing state
				billingState = append(billingState, field.Name)
			}
			// A postal code or a city says where a place is, not how to
			// reach someone.
			person = person || c == Identity || c == Contact && !placeField(field.Name) || c == AuthSecret && signInSecret(field.Name)
			signsIn = signsIn || c == Identity || c == AuthSecret && signInSecret(field.Name)
			secret = secret || c == AuthSecret
		case KindIntegrity:
			billingState = append(billingState, field.Name)
		}
		if c != "" {
			classes[field.Name] = string(c)
		}
	}
	if !m.Account && serviceCredential(m.Fields, classes) {
		// an SMTP account, a database login, a server's SSH password, a
		// payment gateway's key: the app's own way into a service, not a
		// person who signs in
		person, signsIn, credential = false, false, true
	}
	if len(billingState) == 0 && billingModel(m.Name, m.Fields) {
		for _, field := range m.Fields {
			if FieldClass(m.Name, field) == "" && !strings.EqualFold(field.Name, "id") {
				billingState = append(billingState, field.Name)
			}
		}
	}
	ev := []facts.Evidence{{File: file, Line: m.Line}}
	if len(personal) > 0 {
		user = &facts.Asset{Kind: KindUserData, Name: m.Name, Fields: personal, Classes: only(classes, personal), Evidence: ev}
	}
	if len(billingState) > 0 {
		billing = &facts.Asset{Kind: KindIntegrity, Name: BillingName(m.Name), Fields: billingState, Classes: only(classes, billingState), Evidence: ev}
	}
	namesOnly := !m.Account && namesOnlyFields(personal, classes)
	calledOnly := !m.Account && len(personal) > 0 && !slices.ContainsFunc(personal, func(f string) bool {
		return classes[f] != string(Identity) || !nameField(f) || handleField(f)
	})
	return user, billing, seenModel{Model: m, file: file, userData: len(personal) > 0, person: person, signsIn: signsIn, secret: secret, namesOnly: namesOnly, calledOnly: calledOnly, credential: credential}
}

// ledgerWords are the words of a migration tool's own table's name
// beside "migration": knex_migrations, __drizzle_migrations,
// migrations_history, schema_migrations, knex_migrations_lock.
var ledgerWords = map[string]bool{"schema": true, "history": true, "lock": true, "log": true, "version": true, "versions": true,
	"knex": true, "drizzle": true, "typeorm": true, "sequelize": true, "mikro": true, "orm": true, "db": true, "meta": true}

// migrationLedger: the model is a migration tool's record of the steps
// it ran (which files, when), no one's data. A per-user migration's
// status (an import from another service, with a user's key) is not.
func migrationLedger(m Model) bool {
	if len(m.Relations) > 0 {
		return false
	}
	migration := false
	for _, w := range code.Words(m.Name) {
		switch {
		case w == "migration" || w == "migrations":
			migration = true
		case !ledgerWords[w]:
			return false
		}
	}
	return migration
}

// addCrossFileModels adds the Python classes that are models through a
// base class another file declares (crossFileModels), as Detect adds a
// file's own.
func (d *Detector) addCrossFileModels(out *detector.Sink) {
	slices.SortFunc(d.py, func(a, b *pyFile) int { return strings.Compare(a.file, b.file) })
	models, files := crossFileModels(d.py)
	d.py = nil
	d.addResolved(out, models, files)
}

// addResolved adds models Finish resolved across files (each with its
// file), as Detect adds a file's own.
func (d *Detector) addResolved(out *detector.Sink, models []Model, files []string) {
	for i, m := range models {
		user, billing, sm := classify(m, files[i])
		if user != nil {
			if heldBack(*user) {
				d.textOnly = append(d.textOnly, pendingAsset{asset: *user, model: m.Name, file: files[i]})
			} else {
				out.AddAsset(*user)
			}
		}
		if billing != nil {
			out.AddAsset(*billing)
		}
		d.seen = append(d.seen, sm)
		d.current[code.ModelKey(m.Name)] = true
	}
}

// addMigratedStructs adds the Go structs with no ORM mark of their own
// that code hands gorm as models (AutoMigrate(&common.User{}) in another
// package), as Detect adds a file's own. A struct of that name another
// package declares, never migrated, is no model.
func (d *Detector) addMigratedStructs(out *detector.Sink) {
	plain := d.goPlain
	d.goPlain = nil
	if len(d.migrated) == 0 {
		return
	}
	slices.SortFunc(plain, func(a, b goPlain) int { return cmp.Or(strings.Compare(a.file, b.file), a.model.Line-b.model.Line) })
	for _, p := range plain {
		if !d.migrated[p.pkg+"."+p.model.Name] || d.current[code.ModelKey(p.model.Name)] {
			continue
		}
		user, billing, sm := classify(p.model, p.file)
		if user != nil {
			if heldBack(*user) {
				d.textOnly = append(d.textOnly, pendingAsset{asset: *user, model: p.model.Name, file: p.file})
			} else {
				out.AddAsset(*user)
			}
		}
		if billing != nil {
			out.AddAsset(*billing)
		}
		d.seen = append(d.seen, sm)
		d.current[code.ModelKey(p.model.Name)] = true
	}
}

// resolveBindings points a relation that names a table by the variable
// another file declares it in (a Drizzle column's references(() =>
// usersTable.id), usersTable imported) at that table's model. A name
// that is a model's own stays as it is.
func (d *Detector) resolveBindings() {
	names, bound := map[string]bool{}, map[string]string{}
	for _, m := range d.seen {
		names[code.ModelKey(m.Name)] = true
		if m.Table != "" {
			names[code.ModelKey(m.Table)] = true
		}
	}
	for _, m := range d.seen {
		if m.Binding == "" {
			continue
		}
		b := code.ModelKey(m.Binding)
		if to, ok := bound[b]; !names[b] && (!ok || to == m.Name) {
			bound[b] = m.Name
		} else if ok && to != m.Name {
			bound[b] = "" // two tables by one name: neither
		}
	}
	for i := range d.seen {
		// The relations are shared with the file's memo: copied before
		// the first change.
		cloned := false
		for j, r := range d.seen[i].Relations {
			if to := bound[code.ModelKey(r.Target)]; to != "" && !names[code.ModelKey(r.Target)] {
				if !cloned {
					d.seen[i].Relations, cloned = slices.Clone(d.seen[i].Relations), true
				}
				d.seen[i].Relations[j].Target = to
			}
		}
	}
}

// Finish implements detector.Finisher: a model that belongs to a user
// (a foreign key, a many-to-one relation or a ref to the user model, or
// to a model that itself belongs to one) holds data about that user, and
// is user data with the relation as its reason, though no field's name
// says so: a vehicle, an order, a service request. The user models are
// the models whose own fields are a person's (identity, contact, a
// sign-in secret), the framework's user (Django's AbstractUser), and the
// framework's user named through the framework (AUTH_USER_MODEL,
// Supabase's auth.users). A model with no such relation (a lookup table,
// a catalogue) stays what its fields make it.
func (d *Detector) Finish(_ context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	// Files arrive in the order the workers finish them; the readings
	// below take the first declaration that answers (an owner's
	// evidence), so they must see the models in one order every run.
	slices.SortStableFunc(d.seen, func(a, b seenModel) int {
		return cmp.Or(strings.Compare(a.file, b.file), a.Line-b.Line)
	})
	d.releaseStructures(out)
	d.dropShadowedMigrations()
	d.textOnly = append(d.textOnly, d.applyHistory(out)...)
	d.dropIDColumns()
	d.addCrossFileModels(out)
	d.addMigratedStructs(out)
	d.addCSharpModels(out)
	d.resolveBindings()
	d.addPolymorphicOwners()
	d.laravelMorphOwners()
	d.columnHistory()
	// One model may be read several ways (a class and its table, a
	// Sequelize association in another file): grouped by name, and by the
	// table a class names.
	groups := map[string][]int{}
	var order []string
	for i, m := range d.seen {
		k := code.ModelKey(m.Name)
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
		if m.Table != "" {
			if t := code.ModelKey(m.Table); t != k {
				groups[t] = append(groups[t], i)
			}
		}
	}
	d.resolveKeys(groups)
	d.namedKeys(order, groups)
	d.tableKeys(order, groups)
	owner := map[string]*facts.AssetOwner{} // model key -> the relation that makes it a user's
	users := d.people(order, groups)
	person := d.mainPerson(order, groups, users)
	handles := d.publicHandles(groups, person)
	for k := range handles {
		delete(users, k)
	}
	groupsJoined := d.membered(order, groups, users)
	runBy := d.sharedGroups(order, groups, users)
	within := d.inGroups(order, groups, groupsJoined)
	callerPeople := d.callerPeople(order, groups, users, person)
	// A row keyed to a group people join that is only called something
	// (a role) is that group's: its access to a record (a role's
	// permission on a book) is no part of the record, whoever owns it.
	groupRows := map[string]bool{}
	named := d.namedGroups(order, groups, groupsJoined, users)
	for _, k := range order {
		for _, i := range groups[k] {
			for _, r := range d.seen[i].Relations {
				if t := code.ModelKey(r.Target); t != k && named[t] && d.calledOnly(groups[t]) && !r.Optional {
					groupRows[k] = true
				}
			}
		}
	}
	// A key one declaration of the model says the row outlives (the
	// schema's onDelete: "set null") is that key in every declaration (a
	// migration that adds the column with no clause).
	weak := map[string]map[string]bool{}
	for _, k := range order {
		for _, i := range groups[k] {
			for _, r := range d.seen[i].Relations {
				if r.SetNull && r.Field != "" {
					if weak[k] == nil {
						weak[k] = map[string]bool{}
					}
					weak[k][code.ModelKey(r.Field)] = true
				}
			}
		}
	}
	// Ownership follows relations to a fixed point: each round owns the
	// models that reference a user model or a model owned before.
	for changed := true; changed; {
		changed = false
		for _, k := range order {
			if users[k] || owner[k] != nil {
				continue
			}
			// A person the row names is its owner before a record that
			// person owns (a view's visitor, not the site viewed).
			for pass := 0; pass < 2 && owner[k] == nil; pass++ {
				for _, i := range groups[k] {
					m := d.seen[i]
					for _, r := range m.Relations {
						tk := code.ModelKey(r.Target)
						// A reference the row outlives (SET NULL) names the
						// person who made it, or points at some record (a
						// project's home dashboard): that record's owner does
						// not own the row.
						direct := r.User || users[tk]
						if r.Field != "" && weak[k][code.ModelKey(r.Field)] {
							r.SetNull = true
						}
						if direct && r.SetNull && !d.madeFor(m, k, r, within) {
							continue // who last edited it, who asked to delete it
						}
						// A record several people of one kind run (an
						// organizer and the managers who join it) is no
						// person's: what belongs to it is the group's.
						if pass == 0 && direct || pass == 1 && owner[tk] != nil && tk != k && !r.SetNull && !runBy[tk] && !groupRows[k] {
							owner[k] = &facts.AssetOwner{Model: r.Target, File: cmp.Or(r.File, m.file), Line: r.Line}
							changed = true
							break
						}
					}
					if owner[k] != nil {
						break
					}
				}
			}
			if owner[k] != nil {
				continue
			}
			for _, i := range groups[k] {
				m := d.seen[i]
				if f := d.writtenOwner(m, k); f != "" && person != "" {
					owner[k] = &facts.AssetOwner{Model: person, File: m.file, Line: m.Line}
					changed = true
					break
				}
				if p := d.callerColumn(m, callerPeople); p != "" {
					owner[k] = &facts.AssetOwner{Model: p, File: m.file, Line: m.Line}
					changed = true
					break
				}
				if f := d.sessionOwner(m, k); f != "" {
					owner[k] = &facts.AssetOwner{Model: "the signed-in user (" + m.Name + "." + f + ")", File: m.file, Line: m.Line}
					changed = true
					break
				}
			}
		}
	}
	d.sameModels(out, order, groups)
	if !d.hasAccounts(users) {
		out.AddSignal(facts.Signal{Kind: facts.SignalNoAccounts})
	}
	var shared map[string]bool
	if len(users) > 0 {
		shared = d.sharedModels(out, order, groups, users, owner)
	}
	// Free text in a model that belongs only to models no user owns or
	// joins (a challenge's hint, flag or solution, in an app that has
	// users) is the product's own content, written by its operators, not
	// what a user wrote. A model with no relation read keeps its text:
	// who writes it is unknown.
	joined := d.membered(order, groups, users)
	// People: the app's user models, or the framework's user model its
	// models point at (Django's auth User, never declared by the app).
	people := len(users) > 0 || slices.ContainsFunc(d.seen, func(m seenModel) bool {
		return slices.ContainsFunc(m.Relations, func(r Relation) bool { return r.User })
	})
	for _, p := range d.textOnly {
		k := code.ModelKey(p.model)
		if calledOnlyAsset(p.asset) {
			if users[k] || owner[k] != nil || !named[k] {
				out.AddAsset(p.asset)
			}
			continue
		}
		if handleOnly(p.asset) {
			if !handles[k] || owner[k] != nil {
				out.AddAsset(p.asset)
			}
			continue
		}
		if weakOnly(p.asset) && !users[k] && owner[k] == nil && d.credentialStore(p.asset, groups[k], users, owner) {
			// the app's own way into a service (an OAuth client's secret, a
			// storage disk's keys): a credential, no person's data
			out.AddAsset(facts.Asset{Kind: facts.AssetCredentials, Name: p.asset.Name, Fields: p.asset.Fields, Classes: p.asset.Classes, Evidence: p.asset.Evidence})
			continue
		}
		if weakOnly(p.asset) && people && !users[k] && owner[k] == nil && d.ownerless(p.asset, groups[k], users) {
			continue // nothing of a person, on a model no person owns
		}
		if (freeTextOnly(p.asset) || textAndPlaces(p.asset)) && people && d.partOfUnowned(groups[k], k, order, groups, users, owner) {
			continue // a setting's text (a rule's mail body) that only records no one owns point at
		}
		if textAndPlaces(p.asset) && !freeTextOnly(p.asset) && !weakOnly(p.asset) {
			out.AddAsset(p.asset) // no more held back than before: only partOfUnowned decides
			continue
		}
		if freeTextOnly(p.asset) && shared[k] && d.pointedAtOnly(groups[k], k, order, groups, users, owner) {
			continue // the product's document a person's record points at (the terms they signed)
		}
		if !shared[k] || !d.productContent(groups[k], k, shared, joined) {
			out.AddAsset(p.asset)
		}
	}
	d.textOnly = nil
	namedPeople := d.namedPeople()
	for _, p := range d.namesOnly {
		k := code.ModelKey(p.model)
		if !namedPeople || users[k] || owner[k] != nil {
			out.AddAsset(p.asset)
		}
	}
	d.namesOnly = nil
	for _, k := range order {
		o := owner[k]
		if o == nil {
			continue
		}
		var a facts.Asset
		userData := false
		keys := map[string]bool{}
		for _, i := range groups[k] {
			m := d.seen[i]
			if code.ModelKey(m.Name) != k {
				continue // read here by its table's name only
			}
			userData = userData || m.userData
			if a.Name == "" || len(m.Fields) > 0 && len(a.Fields) == 0 {
				a.Name = m.Name
			}
			a.Evidence = append(a.Evidence, facts.Evidence{File: m.file, Line: m.Line})
			a.Fields = append(a.Fields, ownedFields(m.Model)...)
			if m.Key != "" {
				keys[m.Key] = true
			}
		}
		if userData || a.Name == "" {
			continue // its fields made it user data already
		}
		// The row's own key, though another reading of the model (an
		// INSERT's columns) did not declare it so.
		a.Fields = slices.DeleteFunc(a.Fields, func(f string) bool { return keys[f] })
		slices.Sort(a.Fields)
		a.Kind, a.Fields, a.Owner = KindUserData, slices.Compact(a.Fields), o
		out.AddAsset(a)
	}
	return nil
}

// searchIndex are the last words of a search index's table name.
var searchIndex = map[string]bool{"fts": true, "fts3": true, "fts4": true, "fts5": true, "search": true, "index": true, "idx": true}

// scannedTables folds a Go struct into the table it scans: a struct
// read only from its column tags (no table of its own name, none named)
// whose columns are all another declared table's (fider's OAuthConfig
// reads oauth_providers, a moderation page's projection of comments)
// is that table, not another model. The table must be declared outside
// Go (a migration, a schema) and be the only one that holds them all.
func (d *Detector) scannedTables(out *detector.Sink, order []string, groups map[string][]int) {
	goOnly := func(k string) bool {
		for _, i := range groups[k] {
			if len(d.seen[i].Columns) == 0 || d.seen[i].Table != "" {
				return false
			}
		}
		return len(groups[k]) > 0
	}
	cols := map[string]map[string]bool{}
	for _, k := range order {
		c := map[string]bool{}
		for _, i := range groups[k] {
			for _, f := range d.seen[i].Fields {
				c[strings.Join(code.Words(cmp.Or(d.seen[i].Columns[f.Name], f.Name)), "")] = true
			}
		}
		cols[k] = c
	}
	for _, k := range order {
		if !goOnly(k) || len(cols[k]) < 2 {
			continue
		}
		best, n := "", 0
		for _, t := range order {
			if t == k || goOnly(t) {
				continue
			}
			same := 0
			for c := range cols[k] {
				if cols[t][c] {
					same++
				}
			}
			if same < 2 || same*10 < len(cols[k])*9 {
				continue
			}
			switch {
			case same > n:
				best, n = t, same
			case same == n:
				best = "" // two tables hold them: neither
			}
		}
		if best == "" {
			continue
		}
		var table, st string
		var at facts.Evidence
		for _, i := range groups[best] {
			if code.ModelKey(d.seen[i].Name) == best {
				table = d.seen[i].Name
			}
		}
		for _, i := range groups[k] {
			st, at = d.seen[i].Name, facts.Evidence{File: d.seen[i].file, Line: d.seen[i].Line}
		}
		if table != "" && st != "" {
			out.AddSignal(facts.Signal{Kind: facts.SignalModelTable, Detail: table + " " + st, Evidence: at})
		}
	}
}

// sharedGroups names the records several people of one kind run: a
// model that names a person it outlives (an organizer, a founder: the
// key is emptied when they go) and that people of that kind join
// through a membership table (its managers). An article that dies with
// its author is the author's, though readers favourite it; a site one
// owner keeps, which visitors of another kind are recorded against, is
// that owner's.
func (d *Detector) sharedGroups(order []string, groups map[string][]int, users map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, k := range order {
		for _, i := range groups[k] {
			m := d.seen[i]
			if m.userData || !membership(m.Model, groups) {
				continue
			}
			people, others := map[string]bool{}, []string{}
			for _, r := range m.Relations {
				switch t := code.ModelKey(r.Target); {
				case r.User || users[t]:
					people[t] = true
				case t != k:
					others = append(others, t)
				}
			}
			for _, o := range others {
				for _, j := range groups[o] {
					for _, r := range d.seen[j].Relations {
						if people[code.ModelKey(r.Target)] && (r.SetNull || r.Optional) {
							out[o] = true
						}
					}
				}
			}
		}
	}
	return out
}

// inGroups are the groups people join (joined) and the models that
// belong to one through required keys (a task of an event its managers
// join): a person's row there is made for that person.
func (d *Detector) inGroups(order []string, groups map[string][]int, joined map[string]bool) map[string]bool {
	out := maps.Clone(joined)
	for changed := true; changed; {
		changed = false
		for _, k := range order {
			if out[k] {
				continue
			}
			for _, i := range groups[k] {
				for _, r := range d.seen[i].Relations {
					if t := code.ModelKey(r.Target); t != k && !r.Optional && !r.SetNull && out[t] {
						out[k], changed = true, true
					}
				}
			}
		}
	}
	return out
}

// madeFor: a key to a person that the row outlives (SET NULL, or kept
// while the row points at it) still says whose the row is when the row
// is made for that person: the code's create call writes the caller's
// id into it, or the row belongs to a group the person joins through a
// membership (a member's webhook in the organisation). Alone it records
// who acted on a shared row (a catalogue book's last editor, who asked
// to delete a workspace).
func (d *Detector) madeFor(m seenModel, k string, r Relation, joined map[string]bool) bool {
	if d.writtenKey(m, k, r.Field) || r.Field != "" && d.callerKeys[columnKey(r.Field)] {
		return true
	}
	for _, o := range m.Relations {
		if t := code.ModelKey(o.Target); t != k && !o.SetNull && joined[t] {
			return true
		}
	}
	return false
}

// resolveKeys keeps a relation read from a key column's name alone
// (KeyType) only when a model of that name is read and its own ID
// column is declared with the key's type: a UserID int64 beside a User
// whose ID is an int64 holds a user's id; a ProviderUserID string, or a
// key to a model not read, is no relation.
func (d *Detector) resolveKeys(groups map[string][]int) {
	idType := map[string]string{}
	for k, idx := range groups {
		for _, i := range idx {
			for _, f := range d.seen[i].Fields {
				if strings.EqualFold(f.Name, "id") && f.Type != "" {
					idType[k] = f.Type
				}
			}
		}
	}
	for i := range d.seen {
		m := &d.seen[i]
		if !slices.ContainsFunc(m.Relations, func(r Relation) bool { return r.KeyType != "" }) {
			continue
		}
		m.Relations = slices.DeleteFunc(slices.Clone(m.Relations), func(r Relation) bool {
			if r.KeyType == "" {
				return false
			}
			t := code.ModelKey(r.Target)
			return t == code.ModelKey(m.Name) || idType[t] != r.KeyType
		})
	}
}

// people are the user models: the models whose own fields are a
// person's. A model people join through a membership table (a team, a
// workspace: users_on_team's user_id, team_id and role) is a group, not
// a person, though it keeps an e-mail: what belongs to it is the
// group's. An app with no such model signs people in with a secret
// alone (an access token, no name or e-mail): a model holding one that
// belongs to no other model is the account itself.
func (d *Detector) people(order []string, groups map[string][]int) map[string]bool {
	users, strong := map[string]bool{}, map[string]bool{}
	named := d.namedPeople()
	for k, idx := range groups {
		for _, i := range idx {
			if d.seen[i].namesOnly && named {
				continue // a login or a name beside a user model that has more: someone else's name
			}
			if d.seen[i].person {
				users[k] = true
			}
			// A model people join that is only called something (a
			// role's display_name) is their group, not one of them.
			if d.seen[i].signsIn && !d.seen[i].calledOnly || d.authUser[k] {
				strong[k] = true
			}
		}
	}
	// A group people join, and a grant joined to that group, are no
	// person though their fields name someone (a team's e-mail, a role's
	// or a permission's display_name).
	for t := range d.namedGroups(order, groups, d.membered(order, groups, strong), strong) {
		if users[t] && !strong[t] {
			delete(users, t)
		}
	}
	if len(users) > 0 {
		return users
	}
	// Of the models that hold a secret and belong to none, the one most
	// models belong to is the account (a webhook's secret, one delivery
	// log beside it, is not).
	refs := map[string]map[string]bool{}
	for _, k := range order {
		for _, i := range groups[k] {
			for _, r := range d.seen[i].Relations {
				t := code.ModelKey(r.Target)
				if t != k {
					if refs[t] == nil {
						refs[t] = map[string]bool{}
					}
					refs[t][k] = true
				}
			}
		}
	}
	most := 1
	var accounts []string
	for _, k := range order {
		secret, related := false, false
		for _, i := range groups[k] {
			secret = secret || d.seen[i].secret
			related = related || len(d.seen[i].Relations) > 0
		}
		switch n := len(refs[k]); {
		case !secret || related || n < most:
		case n > most:
			most, accounts = n, []string{k}
		default:
			accounts = append(accounts, k)
		}
	}
	if most > 1 {
		for _, k := range accounts {
			users[k] = true
		}
	}
	return users
}

// pointedAtOnly: the model read as key k has no relation of its own,
// and a person's record (a user model's, or one a user owns) holds a key
// to it: the product's document people act on (terms they sign), its
// text written by the operators. A model with no relation either way
// keeps its text: who writes it is unknown.
func (d *Detector) pointedAtOnly(idx []int, k string, order []string, groups map[string][]int, users map[string]bool, owner map[string]*facts.AssetOwner) bool {
	for _, i := range idx {
		if len(d.seen[i].Relations) > 0 {
			return false
		}
	}
	for _, j := range order {
		if j == k || !users[j] && owner[j] == nil {
			continue
		}
		for _, i := range groups[j] {
			for _, r := range d.seen[i].Relations {
				if code.ModelKey(r.Target) == k && !r.User {
					return true
				}
			}
		}
	}
	return false
}

// productContent: the model read as key k references other models, and
// each is shared and joined to no user (a hint's challenge; not an item's
// household, which users join).
func (d *Detector) productContent(idx []int, k string, shared, joined map[string]bool) bool {
	refs := 0
	for _, i := range idx {
		for _, r := range d.seen[i].Relations {
			t := code.ModelKey(r.Target)
			if t == k {
				continue
			}
			if !shared[t] || joined[t] {
				return false
			}
			refs++
		}
	}
	return refs > 0
}

// membered names the models users join through a membership table: one
// that references a user model and another model, and holds nothing of
// its own but when and at most one more field (user_groups' user_id,
// group_id and role). A user's rating of a challenge (value, review) is
// the user's record, and joins the user to no challenge.
func (d *Detector) membered(order []string, groups map[string][]int, users map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, k := range order {
		for _, i := range groups[k] {
			m := d.seen[i]
			if m.userData || !membership(m.Model, groups) {
				continue
			}
			var user bool
			var others []string
			for _, r := range m.Relations {
				t := code.ModelKey(r.Target)
				switch {
				case r.User || users[t]:
					user = true
				case t != k:
					others = append(others, t)
				}
			}
			if user {
				for _, t := range others {
					out[t] = true
				}
			}
		}
	}
	return out
}

// sharedModels records, as a signal, each model no user owns: no
// relation to a user model or an owned model, no field that holds a
// user's, owner's or tenant's key (a UserID column no relation was read
// for), and not a user model itself. Its records are the app's, shared
// by every account (a bookmark library, a household's log). Only when
// the app has a user model: without one, who owns what is unknown.
func (d *Detector) sharedModels(out *detector.Sink, order []string, groups map[string][]int, users map[string]bool, owner map[string]*facts.AssetOwner) map[string]bool {
	shared := map[string]bool{}
	for _, k := range order {
		if users[k] || owner[k] != nil {
			continue
		}
		isShared := true
		for _, i := range groups[k] {
			if ownerKeyField(d.seen[i].Fields, users) {
				isShared = false
				break
			}
		}
		if !isShared {
			continue
		}
		shared[k] = true
		for _, i := range groups[k] {
			if m := d.seen[i]; code.ModelKey(m.Name) == k {
				out.AddSignal(facts.Signal{Kind: facts.SignalSharedModel, Detail: m.Name, Evidence: facts.Evidence{File: m.file, Line: m.Line}})
			}
		}
	}
	return shared
}

// ownerWords are what a key column is named for when it says whose the
// row is: a user, an owner, a tenant and the like. Names are the last
// resort: a relation, when one was read, decided first.
var ownerWords = map[string]bool{"user": true, "owner": true, "account": true, "tenant": true, "author": true, "creator": true,
	"member": true, "customer": true, "org": true, "organization": true, "organisation": true, "team": true, "workspace": true, "profile": true}

// ownerKeyField reports whether a field holds the key of a user or
// tenant: user_id, OwnerID, account_id, or <a user model>_id.
func ownerKeyField(fields []Field, users map[string]bool) bool {
	for _, f := range fields {
		ws := code.Words(f.Name)
		n := len(ws)
		if n < 2 || ws[n-1] != "id" && ws[n-1] != "ids" {
			continue
		}
		if ownerWords[ws[n-2]] || users[code.ModelKey(strings.Join(ws[:n-1], " "))] {
			return true
		}
	}
	return false
}

// ownedFields are the fields a model holds for the user it belongs to:
// all but the references themselves and ids (its own, and keys of other
// rows: buyer_id, BuyerID).
func ownedFields(m Model) []string {
	refs := relationKeys(m)
	var out []string
	for _, f := range m.Fields {
		ws := code.Words(f.Name)
		if refs[f.Name] || f.Name == m.Key || len(ws) == 0 || ws[len(ws)-1] == "id" || ws[len(ws)-1] == "ids" {
			continue
		}
		out = append(out, f.Name)
	}
	return out
}

// freeTextOnly: a user-data asset all of whose fields are free text.
// heldBack: an asset Finish decides on, once it knows who owns what:
// free text only, or a name or handle only.
func heldBack(a facts.Asset) bool {
	return freeTextOnly(a) || handleOnly(a) || weakOnly(a) || calledOnlyAsset(a) || textAndPlaces(a)
}

// textAndPlaces: a user-data asset whose fields are free text beside
// paths, IP addresses or places, and nothing of a person by name: a
// message catalogue's default text and the source file it came from.
// Like free text alone, it is a person's only on a record that is one's.
func textAndPlaces(a facts.Asset) bool {
	if a.Kind != KindUserData || len(a.Classes) != len(a.Fields) || len(a.Fields) == 0 {
		return false
	}
	for f, c := range a.Classes {
		switch Class(c) {
		case FreeText, File:
		case Location, Contact:
			if !ipField(f) && !placeField(f) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// calledOnly: a model read as idx is only called something (calledOnly
// in some reading).
func (d *Detector) calledOnly(idx []int) bool {
	return slices.ContainsFunc(idx, func(i int) bool { return d.seen[i].calledOnly })
}

// calledOnlyAsset: a user-data asset whose only fields are what its row
// is called (a display_name, a name): a person's, or a group's or a
// grant's, which Finish tells apart by what people join (namedGroups).
func calledOnlyAsset(a facts.Asset) bool {
	if a.Kind != KindUserData || len(a.Fields) == 0 {
		return false
	}
	for _, f := range a.Fields {
		if a.Classes[f] != string(Identity) || !nameField(f) || handleField(f) {
			return false
		}
	}
	return true
}

// namedGroups are the models people join through a membership table
// (joined: a role users take through role_user), and the models joined
// through another membership table to one only called something (a
// permission a role is granted through permission_role, both known by
// a display_name): what such a row is called names the group or the
// grant, no person. Neither is a person (people). An order line joining
// an order to a product people review is neither.
func (d *Detector) namedGroups(order []string, groups map[string][]int, joined, people map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range joined {
		if !people[k] {
			out[k] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, k := range order {
			for _, i := range groups[k] {
				m := d.seen[i]
				if m.userData || !membership(m.Model, groups) {
					continue
				}
				var sides []string
				for _, r := range m.Relations {
					if t := code.ModelKey(r.Target); t != k && !r.Optional && !slices.Contains(sides, t) {
						sides = append(sides, t)
					}
				}
				if len(sides) != 2 || people[sides[0]] || people[sides[1]] {
					continue
				}
				for j, t := range sides {
					if o := sides[1-j]; out[o] && d.calledOnly(groups[o]) && d.calledOnly(groups[t]) && !out[t] {
						out[t], changed = true, true
					}
				}
			}
		}
	}
	return out
}

// weakOnly: a user-data asset whose fields say nothing of a person by
// themselves: a file or a path, an IP address, where a place is (its
// coordinates, city, country or postal code), and, on a model that is a
// stored service credential, a secret and its login. They are a person's
// data on a model that belongs to one; on one that belongs to no one
// they are a settings table's paths, a framework's blobs, a server's
// address, a geocoding table's postal codes, the app's own account with
// a mail server or a database. Finish decides, once it knows who owns
// what.
func weakOnly(a facts.Asset) bool {
	if a.Kind != KindUserData || len(a.Classes) != len(a.Fields) || len(a.Fields) == 0 {
		return false
	}
	for f, c := range a.Classes {
		switch Class(c) {
		case File, AuthSecret:
		case Location:
			// A column its name says nothing of is classed by its address
			// type (inet, cidr): an IP address too.
			if !ipField(f) && !placeField(f) && nameClass(f) != "" {
				return false
			}
		case Contact:
			if !placeField(f) {
				return false
			}
		case Identity:
			if !handleField(f) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ownerless: a weak asset (weakOnly) of a model no person owns, in an
// app that has people: no relation or owner column makes it anyone's,
// and its secret, if any, sits beside the service it opens.
func (d *Detector) ownerless(a facts.Asset, idx []int, users map[string]bool) bool {
	credential, plain := false, true
	for _, c := range a.Classes {
		if Class(c) == AuthSecret || Class(c) == Identity {
			plain = false
		}
	}
	for _, i := range idx {
		m := d.seen[i]
		if ownerKeyField(m.Fields, users) || personRelation(m.Model, users) {
			return false
		}
		credential = credential || m.credential
	}
	return plain || credential
}

// personRelation: the model references a person (a user model, the
// framework's user), though the row may outlive them: an owner a shared
// base declares (Django's owner = ForeignKey(User, SET_NULL)) still says
// whose the row is.
func personRelation(m Model, users map[string]bool) bool {
	return slices.ContainsFunc(m.Relations, func(r Relation) bool { return r.User || users[code.ModelKey(r.Target)] })
}

// partOfUnowned: a model with no relation of its own (no owner, no
// record it belongs to) that other models point at, each of them no
// person's and no person: the text of a setting those records hold (a
// workflow action's mail body and its webhook's), written where the
// records are configured. A model no model points at keeps its text: who
// writes it is unknown; so does one a person's record points at (a post's
// body).
func (d *Detector) partOfUnowned(idx []int, k string, order []string, groups map[string][]int, users map[string]bool, owner map[string]*facts.AssetOwner) bool {
	for _, i := range idx {
		if len(d.seen[i].Relations) > 0 || ownerKeyField(d.seen[i].Fields, users) || polymorphicKey(d.seen[i].Fields) {
			return false
		}
	}
	referrers := 0
	for _, o := range order {
		if o == k {
			continue
		}
		for _, i := range groups[o] {
			if !slices.ContainsFunc(d.seen[i].Relations, func(r Relation) bool { return code.ModelKey(r.Target) == k }) {
				continue
			}
			if users[o] || owner[o] != nil || d.seen[i].person {
				return false
			}
			referrers++
		}
	}
	return referrers > 0
}

// credentialStore: a weak asset (weakOnly) that holds a secret, of a
// model with no relation to a person: no user's, owner's or tenant's key
// (declared or by its column's name), no polymorphic key that may point
// at one, no reference to a user model or to a record a person owns, and
// not a person itself (no password to sign in with, no handle unless the
// model is a service's login beside its host). An OAuth client's secret,
// a storage disk's keys, an app registration with an instance, a
// settings row with an API key: the app's own credentials, though the
// grants people give a client join them to it. A person's
// reset token or API token names its person, and stays theirs.
func (d *Detector) credentialStore(a facts.Asset, idx []int, users map[string]bool, owner map[string]*facts.AssetOwner) bool {
	service := slices.ContainsFunc(idx, func(i int) bool { return d.seen[i].credential })
	secret := false
	for f, c := range a.Classes {
		switch Class(c) {
		case AuthSecret:
			if signInSecret(f) && !service {
				return false // a password: someone signs in with it
			}
			if handedSecret(f) || handedSecret(a.Name) {
				return false // a token or session the app hands a person
			}
			secret = true
		case Identity:
			if !service {
				return false
			}
		}
	}
	if !secret {
		return false
	}
	for _, i := range idx {
		m := d.seen[i]
		if m.Account || m.person && !m.credential || ownerKeyField(m.Fields, users) || polymorphicKey(m.Fields) {
			return false
		}
		for _, r := range m.Relations {
			t := code.ModelKey(r.Target)
			if r.User || users[t] || owner[t] != nil {
				return false
			}
		}
	}
	return true
}

// handedWords name a secret the app draws and hands a person to act
// with (a reset or invite token, an API token, a session, a one-time
// code), not one a service issued the app.
var handedWords = map[string]bool{"token": true, "tokens": true, "session": true, "sessions": true, "otp": true,
	"totp": true, "mfa": true, "code": true, "codes": true, "invite": true, "invitation": true}

// handedSecret: a field or model named for a secret handed to a person.
func handedSecret(name string) bool {
	return slices.ContainsFunc(code.Words(name), func(w string) bool { return handedWords[w] })
}

// polymorphicKey: the fields hold a pair X_type and X_id, a reference to
// a row of any model (Laravel's morphs, Rails' polymorphic belongs_to),
// which may be a person.
func polymorphicKey(fields []Field) bool {
	for _, f := range fields {
		ws := code.Words(f.Name)
		if n := len(ws); n > 1 && ws[n-1] == "type" && hasField(fields, strings.Join(ws[:n-1], "_")+"_id") {
			return true
		}
	}
	return false
}

// placeWords name where a place is, not who is there: a visitor's
// browser or referrer, a street address or a phone number say more.
var placeWords = map[string]bool{"latitude": true, "longitude": true, "lat": true, "lng": true, "geo": true,
	"geolocation": true, "coordinates": true, "city": true, "country": true, "postcode": true, "postal": true,
	"zip": true, "zipcode": true}

// placeField: a field named for where a place is (PostalCode, latitude,
// city).
func placeField(name string) bool {
	for _, w := range code.Words(name) {
		if placeWords[w] {
			return true
		}
	}
	return false
}

// ipField: a field named for an IP address (ip, request_ip, ip_address).
func ipField(name string) bool {
	for _, w := range code.Words(name) {
		if w == "ip" {
			return true
		}
	}
	return false
}

// endpointWords are the words of a field that says where a service is
// (host, port, jdbc_url, gateway_url, smtp_server).
var endpointWords = map[string]bool{"host": true, "hostname": true, "port": true, "endpoint": true, "dsn": true,
	"jdbc": true, "gateway": true, "smtp": true, "imap": true}

// serviceRegistration: a model that says where a remote service is (a
// base URL, a host, an endpoint) and holds no sign-in secret and no name
// of a person: a federation provider, a webhook target, a mirror. Its
// contact e-mail is the service's operator's, a setting of the app, not
// a person who uses it. A person's own row keeps its e-mail beside a
// homepage or an avatar's URL, which say where nothing runs.
func serviceRegistration(fields []Field) bool {
	where := false
	for _, f := range fields {
		ws := code.Words(f.Name)
		for i, w := range ws {
			where = where || endpointWords[w] || w == "url" && i > 0 && serviceURLWords[ws[i-1]]
		}
		switch ClassOf(f) {
		case Identity:
			if !handleField(f.Name) {
				return false
			}
		case AuthSecret:
			if signInSecret(f.Name) {
				return false
			}
		}
	}
	return where
}

// serviceURLWords are the words before url in a field that says where a
// service answers (base_url, api_url, server_url, instance_url).
var serviceURLWords = map[string]bool{"base": true, "api": true, "server": true, "instance": true, "service": true}

// serviceCredential: a model that holds a secret beside where it is used
// (a host, a port, a gateway's URL) and nothing of a person but a login:
// the app's account with a mail server, a database or a payment
// provider, kept as settings.
func serviceCredential(fields []Field, classes map[string]string) bool {
	endpoint, secret := false, false
	for _, f := range fields {
		for _, w := range code.Words(f.Name) {
			endpoint = endpoint || endpointWords[w]
		}
		switch Class(classes[f.Name]) {
		case "", File:
		case AuthSecret:
			secret = true
		case Location:
			if !ipField(f.Name) {
				return false
			}
		case Identity:
			if !handleField(f.Name) {
				return false
			}
		default:
			return false
		}
	}
	return endpoint && secret
}

// handleOnly: a user-data asset whose only fields are an account's
// handle (user_name, username, login): who wrote something, not yet
// whose it is. A person's full name (an author's) is more than a handle.
func handleOnly(a facts.Asset) bool {
	if a.Kind != KindUserData || len(a.Classes) != len(a.Fields) {
		return false
	}
	for f, c := range a.Classes {
		ws := code.Words(f)
		handle := slices.Contains(ws, "username") || slices.Contains(ws, "login") || slices.Contains(ws, "user") && slices.Contains(ws, "name")
		if c != string(Identity) || !handle {
			return false
		}
	}
	return true
}

// publicHandles are the models that hold only an account's handle (an
// issue's author login copied from a public forge), have no relation to
// the app's main person, and sit beside that person, who signs in with a
// password or through an auth library: a public record of who wrote
// something, not one of the app's users. Without such a person the
// handle may be the only account there is.
func (d *Detector) publicHandles(groups map[string][]int, person string) map[string]bool {
	pk := code.ModelKey(person)
	if person == "" || !d.authUser[pk] && !slices.ContainsFunc(groups[pk], func(i int) bool { return d.passwordHolder(d.seen[i]) }) {
		return nil
	}
	var out map[string]bool
	for _, p := range d.textOnly {
		k := code.ModelKey(p.model)
		if k == pk || !handleOnly(p.asset) || d.authUser[k] {
			continue
		}
		related := false
		for _, i := range groups[k] {
			for _, r := range d.seen[i].Relations {
				related = related || r.User || code.ModelKey(r.Target) == pk
			}
			related = related || d.seen[i].Account
		}
		if !related {
			if out == nil {
				out = map[string]bool{}
			}
			out[k] = true
		}
	}
	return out
}

func freeTextOnly(a facts.Asset) bool {
	if a.Kind != KindUserData || len(a.Classes) != len(a.Fields) {
		return false
	}
	for _, c := range a.Classes {
		if c != string(FreeText) {
			return false
		}
	}
	return true
}

// membership: the model's fields are its keys, ids and timestamps, the
// other side of a relation (a field typed by a model read), a JSON
// document of the member's settings, and at most one more (a role). A
// user's rating of a challenge (a score and a review) is the user's
// record, and joins the user to no challenge.
func membership(m Model, models map[string][]int) bool {
	// A membership joins two records, each required: a row that points at
	// seven (a chat kept for a team, and maybe for a document, a link, a
	// view or a user) is a record of its own, whose sides it joins to
	// none of the others.
	sides := map[string]bool{}
	for _, r := range m.Relations {
		if t := code.ModelKey(r.Target); t != code.ModelKey(m.Name) && !r.Optional {
			sides[t] = true
		}
	}
	if len(sides) != 2 {
		return false
	}
	keys := relationKeys(m)
	own := 0
	for _, f := range m.Fields {
		ws := code.Words(f.Name)
		if keys[f.Name] || len(ws) == 0 || ws[len(ws)-1] == "id" || timestamp(f) {
			continue
		}
		if f.Type != "" && models[code.ModelKey(f.Type)] != nil || jsonType(f.Type) {
			continue
		}
		own++
	}
	return own <= 1
}

// jsonType: a column declared to hold a JSON document.
func jsonType(t string) bool {
	switch strings.ToLower(t) {
	case "json", "jsonb", "jsonfield", "map":
		return true
	}
	return false
}

// relationKeys are the model's fields that hold a reference: a foreign
// key column is another row's key, not what its name says.
func relationKeys(m Model) map[string]bool {
	keys := map[string]bool{}
	for _, r := range m.Relations {
		if r.Field != "" {
			keys[r.Field] = true
		}
	}
	return keys
}

// only is the classes of the fields named.
func only(classes map[string]string, fields []string) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		if c, ok := classes[f]; ok {
			out[f] = c
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// BillingName names the integrity asset of a model's billing state.
func BillingName(model string) string { return facts.BillingAssetName(model) }

type modelsKey struct{}

// FileModels lists the models a file defines, read once per file for
// every detector that asks.
func FileModels(ctx context.Context, f *detector.File) []Model {
	return detector.Memo(f, modelsKey{}, func() []Model { return fileModels(ctx, f) })
}

// Models lists the models a file defines.
func Models(ctx context.Context, p string, data []byte) []Model {
	f := &detector.File{Path: p, Data: data}
	defer f.Release()
	return fileModels(ctx, f)
}

func fileModels(ctx context.Context, f *detector.File) []Model {
	if !isMigration(f.Path) {
		return fileModelsAll(ctx, f)
	}
	// A down migration restores what its up migration removed: the
	// tables it declares or drops are the past.
	down := downLines(f.Path, f.Data)
	if down == nil {
		return nil
	}
	if len(down) > 0 && lang.Of(f.Path).Family() != lang.JavaScript {
		g := &detector.File{Path: f.Path, Data: down.blank(f.Data)}
		defer g.Release()
		return fileModelsAll(ctx, g)
	}
	// JavaScript's models come from the tree the other detectors share.
	return slices.DeleteFunc(fileModelsAll(ctx, f), func(m Model) bool { return down.holds(m.Line) })
}

func fileModelsAll(ctx context.Context, f *detector.File) []Model {
	p, data := f.Path, f.Data
	l := lang.Of(p)
	switch l.Family() {
	case lang.Prisma:
		return prismaModels(lang.StripComments(l, data))
	case lang.SQL:
		return sqlModels(data)
	case lang.Ruby:
		if isRailsSchema(p) {
			return railsSchemaModels(lang.StripComments(l, data))
		}
		if isRailsMigration(p) {
			return railsMigrationModels(lang.StripComments(l, data))
		}
		if isRailsModel(p) {
			return mongoidModels(lang.StripComments(l, data))
		}
	case lang.Python:
		stripped := lang.StripComments(l, data)
		return append(pythonModels(stripped), pythonSQL(data, stripped, appCode(p))...)
	case lang.Go:
		return goModels(lang.StripComments(l, data), appCode(p))
	case lang.JavaScript:
		return jsModels(ctx, f)
	case lang.PHP:
		if bytes.Contains(data, []byte("Schema::")) || bytes.Contains(data, []byte("belongsTo(")) {
			return laravelModels(lang.StripComments(l, data))
		}
	}
	return nil
}

// appCode: the columns an INSERT writes count only in the product's own
// code; a migration's or seed script's INSERTs are data for tables
// declared beside them.
func appCode(p string) bool { return lang.RoleOf(p).Kind != lang.Migration }

// applyHistory emits the assets of the models migrations declare, under
// the name a later migration gave the table, and none for a table a later
// migration dropped; the models read stay for ownership likewise. A model
// also declared outside migrations is current whatever they did.
// laterColumns applies the column drops and renames of the migrations
// after file, in its history, to the asset file's reading of a table
// made: a column a later step removes (remove_column, a change_table
// block's t.remove) is no field of the table now,
// and one renamed is listed under its new name. A step that adds the
// column again lists it from its own reading.
func (d *Detector) laterColumns(a facts.Asset, model, file string, roots map[string]string) facts.Asset {
	k := code.ModelKey(model)
	for _, m := range d.seen {
		if m.file <= file || roots[m.file] != roots[file] || code.ModelKey(m.Name) != k || len(m.Dropped) == 0 && len(m.Renamed) == 0 {
			continue
		}
		fields := make([]string, 0, len(a.Fields))
		classes := map[string]string{}
		for _, f := range a.Fields {
			if slices.Contains(m.Dropped, f) {
				continue
			}
			c, ok := a.Classes[f]
			if to, renamed := m.Renamed[f]; renamed {
				f = to
			}
			fields = append(fields, f)
			if ok {
				classes[f] = c
			}
		}
		a.Fields = fields
		if a.Classes != nil {
			a.Classes = classes
		}
	}
	return a
}

func (d *Detector) applyHistory(out *detector.Sink) (textOnly []pendingAsset) {
	migrated := map[string]bool{}
	for _, s := range d.steps {
		migrated[s.file] = true
	}
	fate, roots := fates(d.steps)
	nameNow := func(model, file string) (string, bool) {
		k := code.ModelKey(model)
		if d.current[k] {
			return model, true
		}
		now, ok := fate[roots[file]][k]
		if !ok {
			return model, true
		}
		if now == "" {
			return "", false
		}
		if code.ModelKey(now) == k {
			return model, true
		}
		return now, true
	}
	for _, p := range d.pending {
		name, ok := nameNow(p.model, p.file)
		if !ok {
			continue
		}
		a := d.laterColumns(p.asset, p.model, p.file, roots)
		if len(a.Fields) == 0 {
			continue // every column it was listed for is dropped later
		}
		if p.billing {
			a.Name = BillingName(name)
		} else {
			a.Name = name
		}
		if heldBack(a) {
			p.asset, p.model = a, name
			textOnly = append(textOnly, p)
			continue
		}
		out.AddAsset(a)
	}
	d.pending = nil
	kept := d.seen[:0]
	for _, m := range d.seen {
		if migrated[m.file] {
			name, ok := nameNow(m.Name, m.file)
			if !ok {
				continue
			}
			m.Name = name
			// A key to a table a later migration renamed points at the
			// table under its new name (permission_role's permission_id,
			// after permissions became role_permissions).
			m.Relations = slices.Clone(m.Relations)
			for j, r := range m.Relations {
				if t, ok := nameNow(r.Target, m.file); ok {
					m.Relations[j].Target = t
				}
			}
		}
		kept = append(kept, m)
	}
	d.seen = kept
	return textOnly
}

// codeFields name a record by a code: a reference record's (a language's
// short_name "de", a licence's SPDX id, a currency's ISO code).
var codeFields = map[string]bool{"code": true, "short_name": true, "shortname": true, "abbreviation": true, "abbr": true,
	"iso": true, "iso_code": true, "isocode": true, "iso639": true, "spdx": true, "spdx_id": true, "spdxid": true}

// referenceRecord: a model that names a thing, not a person: it has a
// code beside its names (Language's short_name and full_name, License's
// spdx_id), points at no other row, and holds no contact or sign-in
// secret. Its full_name is the thing's name. A person's model that also
// has a code (a referral code) keeps its e-mail or password, or its
// relations, and stays a person's.
func referenceRecord(m Model, keys map[string]bool) bool {
	if len(keys) > 0 || len(m.Relations) > 0 || m.Account {
		return false
	}
	coded := false
	for _, f := range m.Fields {
		coded = coded || codeFields[strings.ToLower(f.Name)]
		switch FieldClass(m.Name, f) {
		case Contact, AuthSecret, Financial, Health:
			return false
		}
	}
	return coded
}

// prismaAdapterRE: a program imports an auth library's Prisma adapter
// (next-auth's, Auth.js's) and hands it the Prisma client.
var (
	prismaAdapterImportRE = regexp.MustCompile(`from\s+["'](?:@next-auth|@auth)/prisma-adapter["']|require\(\s*["'](?:@next-auth|@auth)/prisma-adapter["']\s*\)`)
	prismaAdapterCallRE   = regexp.MustCompile(`\bPrismaAdapter\s*\(`)
)

// adapterUsers are the model keys an auth library's adapter the file
// sets up keeps its users in: next-auth's Prisma adapter creates, reads
// and links accounts and sessions to prisma.user, so the app's User
// model is who signs in.
func adapterUsers(f *detector.File) []string {
	if lang.Of(f.Path).Family() != lang.JavaScript || !bytes.Contains(f.Data, []byte("prisma-adapter")) {
		return nil
	}
	if prismaAdapterImportRE.Match(f.Data) && prismaAdapterCallRE.Match(f.Data) {
		return []string{code.ModelKey("User")}
	}
	return nil
}

// sameModels records, as signals, the names one model's records are kept
// under: a model and the table it maps to, and a table and its copy (the
// same columns, under the table's name and more words: a staging or
// rebuild copy), so that merging lists each model once.
func (d *Detector) sameModels(out *detector.Sink, order []string, groups map[string][]int) {
	d.scannedTables(out, order, groups)
	for _, m := range d.seen {
		if m.Table != "" && code.ModelKey(m.Table) != code.ModelKey(m.Name) {
			out.AddSignal(facts.Signal{Kind: facts.SignalModelTable, Detail: m.Name + " " + m.Table, Evidence: facts.Evidence{File: m.file, Line: m.Line}})
		}
	}
	columns := func(k string) map[string]bool {
		cols := map[string]bool{}
		for _, i := range groups[k] {
			for _, f := range d.seen[i].Fields {
				cols[strings.Join(code.Words(f.Name), "")] = true
			}
		}
		return cols
	}
	for _, k := range order {
		ws := strings.Fields(k)
		base := ""
		for j := len(ws) - 1; j >= 1 && base == ""; j-- {
			if b := code.ModelKey(strings.Join(ws[:j], " ")); groups[b] != nil {
				base = b
			}
		}
		if base == "" {
			continue
		}
		copied, of := columns(k), columns(base)
		same := 0
		for c := range copied {
			if of[c] {
				same++
			}
		}
		// A copy holds its table's columns: nearly all of its own are the
		// table's, and nearly all of the table's are its own (a table of
		// overrides or subscriptions beside it keeps a few of them).
		// A search index (an FTS5 table beside documents) copies only the
		// columns it searches.
		last := ws[len(ws)-1]
		index := (searchIndex[last] || searchIndex[last+"s"]) && same >= 2 && same*2 >= len(copied)
		if !index && (same < 3 || same*10 < len(copied)*9 || same*10 < len(of)*9) || d.references(groups[k], base) {
			continue // a row that points at the table's row (an override of it) is no copy
		}
		var name, cp string
		var at facts.Evidence
		for _, i := range groups[base] {
			if code.ModelKey(d.seen[i].Name) == base {
				name = d.seen[i].Name
				break
			}
		}
		for _, i := range groups[k] {
			if code.ModelKey(d.seen[i].Name) == k {
				cp, at = d.seen[i].Name, facts.Evidence{File: d.seen[i].file, Line: d.seen[i].Line}
				break
			}
		}
		if name != "" && cp != "" {
			out.AddSignal(facts.Signal{Kind: facts.SignalModelTable, Detail: name + " " + cp, Evidence: at})
		}
	}
}

// references: a model read at idx has a relation to the model key.
func (d *Detector) references(idx []int, key string) bool {
	for _, i := range idx {
		for _, r := range d.seen[i].Relations {
			if code.ModelKey(r.Target) == key {
				return true
			}
		}
	}
	return false
}

// hasAccounts: the app keeps user accounts: a model read is a person, an
// auth library keeps a user table, a model references the framework's
// user model (Django's auth User), or code reads the signed-in user
// (signedInUser) or fills or compares a model's column with the
// caller's id. With none, one login
// (a password from config) or none guards every object alike.
func (d *Detector) hasAccounts(users map[string]bool) bool {
	if len(users) > 0 || len(d.authUser) > 0 || d.signedInUser {
		return true
	}
	for _, m := range d.seen {
		for _, r := range m.Relations {
			if r.User {
				return true
			}
		}
		// A model's column the code fills or compares with the caller's
		// id (a config value compared with a claim is no column).
		for _, f := range m.Fields {
			if d.callerCols[columnKey(f.Name)] {
				return true
			}
		}
		if d.sessionOwner(m, code.ModelKey(m.Name)) != "" {
			return true
		}
	}
	return false
}

// signedInUserRE: code reading the signed-in user a framework or an auth
// library hands it: a user record per caller, so the app has accounts.
var signedInUserRE = regexp.MustCompile(`\bcurrent_user\b|\brequest\.user\b|\breq\.user\b|\bAuthenticatable\b|\bauth\(\)\s*->\s*(?:user|id)\(|\bAuth::(?:user|id)\(|\bAbstract(?:Base)?User\b|\bdevise\b|\bgetServerSession\(|\buseSession\(|@AuthenticationPrincipal\b|\bUserDetails\b`)

// releaseStructures adds what each structure.sql declares, as Detect adds
// a schema file's, unless a schema.rb in its folder is the live schema
// (the app does not set schema_format = :sql).
func (d *Detector) releaseStructures(out *detector.Sink) {
	slices.SortFunc(d.structures, func(a, b heldSchema) int { return strings.Compare(a.file, b.file) })
	for _, h := range d.structures {
		if !d.sqlFormat && d.railsSchemas[path.Dir(h.file)] {
			continue // stale: schema.rb is the live schema
		}
		for i, p := range h.assets {
			switch {
			case h.textOnly[i]:
				d.textOnly = append(d.textOnly, p)
			case namesOnlyAsset(p.asset):
				d.namesOnly = append(d.namesOnly, p)
			default:
				out.AddAsset(p.asset)
			}
		}
		d.seen = append(d.seen, h.seen...)
		for _, m := range h.seen {
			d.current[code.ModelKey(m.Name)] = true
		}
	}
	d.structures = nil
}

// nameWords are the words of a field that holds what someone is called:
// user_name, login, handle, full_name, display_name, first_name.
var nameWords = map[string]bool{"name": true, "names": true, "username": true, "fullname": true, "firstname": true, "lastname": true, "surname": true,
	"nickname": true, "nick": true, "login": true, "handle": true, "displayname": true, "user": true, "full": true, "first": true, "last": true,
	"display": true, "screen": true, "given": true, "family": true, "middle": true}

// handleWords are the words of a login or handle: user_name, login,
// screen_name, nickname.
var handleWords = map[string]bool{"username": true, "login": true, "handle": true, "nickname": true, "nick": true, "screen": true}

// handleField: the field is a login or handle (user_name, screen_name),
// not a person's full name.
func handleField(name string) bool {
	ws := code.Words(name)
	if !nameField(name) {
		return false
	}
	if len(ws) == 2 && ws[0] == "user" && ws[1] == "name" {
		return true
	}
	for _, w := range ws {
		if handleWords[w] {
			return true
		}
	}
	return false
}

// nameField: every word of the field's name says a name or a handle.
func nameField(name string) bool {
	ws := code.Words(name)
	for _, w := range ws {
		if !nameWords[w] {
			return false
		}
	}
	return len(ws) > 0
}

// namesOnlyAsset: a user-data asset whose fields are names or handles
// (namesOnlyFields).
func namesOnlyAsset(a facts.Asset) bool {
	return a.Kind == KindUserData && namesOnlyFields(a.Fields, a.Classes)
}

// namesOnlyFields: the personal fields are a login or handle, names and
// free text beside it (a repository's full_name, a note): nothing that
// reaches a person or signs one in. A full name alone (a book's author)
// is a person's.
func namesOnlyFields(fields []string, classes map[string]string) bool {
	handles := 0
	for _, f := range fields {
		switch {
		case classes[f] == string(Identity) && handleField(f):
			handles++
		case classes[f] == string(Identity) && nameField(f):
		case classes[f] == string(FreeText):
		default:
			return false
		}
	}
	return handles > 0
}

// namedPeople: some model is a person by more than a name (an e-mail, a
// password, a birth date): the app's user model. Beside it, a model that
// keeps only a login or a name (a GitHub issue's author, a repository's
// owner) and belongs to no user names someone else, often public data
// copied from another service: no user's data, and no user model.
func (d *Detector) namedPeople() bool {
	for _, m := range d.seen {
		if m.person && !m.namesOnly {
			return true
		}
	}
	return false
}

// dropIDColumns reads the columns the code fills from an identifier
// generator (idCols) as ids, not secrets: a model is classed again
// without them (a category whose only secret was its public token is no
// person, no one's data), and a held-back asset loses them.
func (d *Detector) dropIDColumns() {
	if len(d.idCols) == 0 {
		return
	}
	id := func(name string) bool { return d.idCols[columnKey(name)] }
	for i, m := range d.seen {
		if !slices.ContainsFunc(m.Fields, func(f Field) bool { return id(f.Name) }) {
			continue
		}
		kept := m.Model
		kept.Fields = slices.DeleteFunc(slices.Clone(m.Fields), func(f Field) bool { return id(f.Name) })
		_, _, sm := classify(kept, m.file)
		sm.Model = m.Model
		d.seen[i] = sm
	}
	d.textOnly = slices.DeleteFunc(d.textOnly, func(p pendingAsset) bool {
		if !slices.ContainsFunc(p.asset.Fields, id) {
			return false
		}
		p.asset.Fields = slices.DeleteFunc(slices.Clone(p.asset.Fields), id)
		return len(p.asset.Fields) == 0
	})
	for i := range d.textOnly {
		a := &d.textOnly[i].asset
		a.Fields = slices.DeleteFunc(slices.Clone(a.Fields), id)
		if len(a.Classes) > 0 {
			classes := map[string]string{}
			for f, c := range a.Classes {
				if !id(f) {
					classes[f] = c
				}
			}
			a.Classes = classes
		}
	}
}
