package userdata

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// Owner columns proven by what the code writes into them: a Prisma
// create (or upsert, or update) that puts the signed-in user's id in a
// plain String column (teable's createdBy: this.cls.get('user.id')) makes
// the column an owner key though the schema declares no relation. A
// column written from a constant ('system') or from anything else is no
// owner key.

var (
	// prismaWriteRE: client.model.create({ ... }), as Prisma's client
	// spells a write.
	prismaWriteRE = regexp.MustCompile(`\.\s*(\w+)\s*\.\s*(?:create|createMany|upsert|update|updateMany)\s*\(\s*\{`)
	// drizzleInsertRE: db.insert(table).values({ ... }), Drizzle's insert.
	drizzleInsertRE = regexp.MustCompile(`\.\s*insert\s*\(\s*(\w+)\s*\)\s*\.\s*values\s*\(\s*\{`)
	// djangoCreateRE: Model.objects.create(...), Model.objects.get_or_create(...).
	djangoCreateRE = regexp.MustCompile(`\b([A-Z]\w*)\s*\.\s*objects\s*\.\s*(?:create|get_or_create|update_or_create)\s*\(`)

	// pairRE: a property and its value, up to the next comma or line end;
	// shorthandRE: a property written by the variable of its name.
	pairRE      = regexp.MustCompile(`(?m)(?:^|[{,])\s*(\w+)\s*:\s*([^,\n{}]+?)\s*(?:,|$|\})`)
	shorthandRE = regexp.MustCompile(`(?m)(?:^|[{,])\s*(\w+)\s*(?:,|$|\})`)
	// connectRE: a relation filled by connecting a record, Prisma's
	// author: { connect: { id: userId } }: the relation field holds it.
	connectRE = regexp.MustCompile(`(\w+)\s*:\s*\{\s*connect\s*:\s*\{\s*id\s*:\s*([^,\n{}]+?)\s*,?\s*\}\s*,?\s*\}`)
	// callerIDRE: the signed-in user's id as code reads it: a user
	// object's id (req.user.id, session.user?.id), a request context's
	// "user.id" entry.
	callerIDRE = regexp.MustCompile(`^(?:[\w$]+(?:\?)?\.)*user\??\.id$|\.get\(\s*['"]user\.id['"]\s*\)$|^(?:self\.)?request\.user(?:\.id|\.pk)?$`)
	// localRE: a local given a value (const userId = this.cls.get('user.id')).
	identRE = regexp.MustCompile(`^\w+$`)
	localRE = regexp.MustCompile(`\b(?:const|let|var)\s+(\w+)\s*(?::\s*\w+\s*)?=\s*([^;\n]+)`)
	// boundRE: locals a call's result gives (const { userId } = auth(),
	// const user = await currentUser(), const id = getAuth(req).userId).
	boundRE = regexp.MustCompile(`\b(?:const|let|var)\s+(?:\{([\w\s,:]+)\}|(\w+))\s*(?::\s*[\w.<>\[\]| ]+?\s*)?=\s*(?:await\s+)?[\w$.]+\s*\(`)
	// drizzleEqRE: eq(table.column, value), Drizzle's comparison in a
	// where clause.
	drizzleEqRE = regexp.MustCompile(`\beq\s*\(\s*(\w+)\s*\.\s*(\w+)\s*,\s*([\w$.?]+)\s*\)`)
)

// signedInLocals are the locals a JavaScript file binds from a call and
// then turns the caller away without: if (!userId) throw new
// Error("Unauthorized"), if (!user) redirect("/signin"), a 401. What
// the call is called does not matter: code that rejects the request
// when the value is missing reads the signed-in caller. A value from
// the request body that is only required (a 400) is no caller.
func signedInLocals(src []byte) map[string]bool {
	var out map[string]bool
	for _, m := range boundRE.FindAllSubmatch(src, -1) {
		var names []string
		if len(m[2]) > 0 {
			names = append(names, string(m[2]))
		}
		for _, part := range strings.Split(string(m[1]), ",") {
			_, local, ok := strings.Cut(part, ":")
			if !ok {
				local = part
			}
			if local = strings.TrimSpace(local); identRE.MatchString(local) {
				names = append(names, local)
			}
		}
		for _, n := range names {
			test := regexp.MustCompile(`\bif\s*\(\s*!\s*` + regexp.QuoteMeta(n) + `\s*\)\s*\{?\s*([^\n]*)`)
			for _, t := range test.FindAllSubmatch(src, -1) {
				if turnsCallerAway.Match(t[1]) {
					if out == nil {
						out = map[string]bool{}
					}
					out[n] = true
					break
				}
			}
		}
	}
	return out
}

// turnsCallerAway: the branch a missing caller takes rejects the
// request: an Unauthorized error or a 401, or a redirect to sign in.
var turnsCallerAway = regexp.MustCompile("(?i)unauthori[sz]ed|unauthenticated|\\b401\\b|redirect\\w*\\s*\\(\\s*['\"`][^'\"`]*(?:sign-?in|log-?in|auth)")

// sessionID: the expression is the signed-in caller's id as the code
// proves it: a user object's id the framework hands it (req.user.id,
// session.user.id), or a local the file turns the caller away without
// (or that local's id: user.id after if (!user) throw ...).
func sessionID(expr string, signedIn map[string]bool) bool {
	if callerIDRE.MatchString(expr) || signedIn[expr] {
		return true
	}
	base, field, ok := strings.Cut(expr, ".")
	return ok && signedIn[base] && (field == "id" || field == "userId")
}

// callerID: the expression is the caller's id, read directly, or a
// variable named for a user's id (userId, currentUserId), or a local
// the file gives one of those.
func callerID(expr string, locals map[string]bool) bool {
	if callerIDRE.MatchString(expr) || locals[expr] {
		return true
	}
	ws := code.Words(expr)
	n := len(ws)
	return n >= 2 && ws[n-1] == "id" && ws[n-2] == "user" && identRE.MatchString(expr)
}

// writtenOwners are the (model key, column) pairs a file's Prisma writes
// fill with the caller's id; session, those a write fills or a Drizzle
// eq() compares with an id the code proves is the signed-in caller's
// (sessionID), not only one named for a user.
func writtenOwners(f *detector.File) (out, session map[string]map[string]bool) {
	fam := lang.Of(f.Path).Family()
	if fam == lang.Python {
		return djangoCreates(f.Data), nil
	}
	if fam != lang.JavaScript || !bytes.Contains(f.Data, []byte("create(")) && !bytes.Contains(f.Data, []byte("upsert(")) && !bytes.Contains(f.Data, []byte("update(")) && !bytes.Contains(f.Data, []byte("insert(")) && !bytes.Contains(f.Data, []byte("eq(")) {
		return nil, nil
	}
	signedIn := signedInLocals(f.Data)
	addSession := func(model, col string) {
		if session == nil {
			session = map[string]map[string]bool{}
		}
		if session[model] == nil {
			session[model] = map[string]bool{}
		}
		session[model][col] = true
	}
	locals := map[string]bool{}
	for _, m := range localRE.FindAllSubmatch(f.Data, -1) {
		if callerIDRE.Match(bytes.TrimSpace(m[2])) {
			locals[string(m[1])] = true
			if signedIn == nil {
				signedIn = map[string]bool{}
			}
			signedIn[string(m[1])] = true
		}
	}
	for _, m := range drizzleEqRE.FindAllStringSubmatch(string(f.Data), -1) {
		if m[2] != "id" && sessionID(m[3], signedIn) {
			addSession(code.ModelKey(m[1]), m[2])
		}
	}
	writes := prismaWriteRE.FindAllSubmatchIndex(f.Data, -1)
	writes = append(writes, drizzleInsertRE.FindAllSubmatchIndex(f.Data, -1)...)
	for _, m := range writes {
		end := lang.ClosingBracket(f.Data, m[1]-1)
		if end < 0 {
			continue
		}
		body := string(f.Data[m[1]:end])
		model := code.ModelKey(string(f.Data[m[2]:m[3]]))
		add := func(col, val string) {
			if sessionID(val, signedIn) {
				addSession(model, col)
			}
			if !callerID(val, locals) {
				return
			}
			if out == nil {
				out = map[string]map[string]bool{}
			}
			if out[model] == nil {
				out[model] = map[string]bool{}
			}
			out[model][col] = true
		}
		for _, p := range connectRE.FindAllStringSubmatch(body, -1) {
			add(p[1], p[2])
		}
		// The connected record's own id is no column of this model.
		body = connectRE.ReplaceAllString(body, "")
		for _, p := range pairRE.FindAllStringSubmatch(body, -1) {
			add(p[1], p[2])
		}
		for _, p := range shorthandRE.FindAllStringSubmatch(body, -1) {
			add(p[1], p[1])
		}
	}
	return out, session
}

// writtenOwner is the model's plain column (no relation read for it)
// the code fills with the caller's id, or "".
func (d *Detector) writtenOwner(m seenModel, k string) string {
	cols := d.written[k]
	if len(cols) == 0 {
		return ""
	}
	keys := relationKeys(m.Model)
	for _, f := range m.Fields {
		if cols[f.Name] && !keys[f.Name] {
			return f.Name
		}
	}
	return ""
}

// sessionOwner is the model's plain column (no relation read for it)
// the code fills or compares with the signed-in caller's id as it
// proves it (writtenOwners' session), or "": with no users table (a
// sign-in provider keeps them), the column that holds the provider's
// user id is the row's owner.
func (d *Detector) sessionOwner(m seenModel, k string) string {
	if len(d.session) == 0 {
		return ""
	}
	keys := relationKeys(m.Model)
	for _, mk := range []string{k, code.ModelKey(m.Binding), code.ModelKey(m.Table)} {
		for c := range d.session[mk] {
			for _, f := range m.Fields {
				if !keys[f.Name] && columnKey(f.Name) == columnKey(c) {
					return f.Name
				}
			}
		}
	}
	return ""
}

// mainPerson is the user model the caller's id names: of the people, the
// one proven by sign-in (a password, an auth library's user table), and
// of those the one most models reference.
func (d *Detector) mainPerson(order []string, groups map[string][]int, users map[string]bool) string {
	refs := map[string]int{}
	for _, k := range order {
		for _, i := range groups[k] {
			for _, r := range d.seen[i].Relations {
				refs[code.ModelKey(r.Target)]++
			}
		}
	}
	best, bestScore := "", -1
	for _, k := range order {
		if !users[k] {
			continue
		}
		score := refs[k]
		for _, i := range groups[k] {
			if d.seen[i].signsIn || d.authUser[k] {
				score += 1 << 20
				break
			}
		}
		// A password of its own, or the framework's or an auth library's
		// user, proves sign-in more than a name does (an issue's author
		// login copied from a forge).
		if d.authUser[k] || slices.ContainsFunc(groups[k], func(i int) bool { return d.passwordHolder(d.seen[i]) }) {
			score += 1 << 21
		}
		if score > bestScore {
			for _, i := range groups[k] {
				if code.ModelKey(d.seen[i].Name) == k {
					best, bestScore = d.seen[i].Name, score
					break
				}
			}
		}
	}
	return best
}

// passwordHolder: the model is the framework's user or keeps a password
// of its own.
func (d *Detector) passwordHolder(m seenModel) bool {
	return m.Account || slices.ContainsFunc(m.Fields, func(f Field) bool {
		return signInSecret(f.Name) && FieldClass(m.Name, f) == AuthSecret
	})
}

// writtenKey: the code's create calls fill the model's column with the
// caller's id (the column as declared, or as the code's property names
// it: created_by, createdBy).
func (d *Detector) writtenKey(m seenModel, k, col string) bool {
	if col == "" {
		return false
	}
	want := code.ModelKey(col)
	for _, mk := range []string{k, code.ModelKey(m.Binding), code.ModelKey(m.Table)} {
		for c := range d.written[mk] {
			if code.ModelKey(c) == want {
				return true
			}
		}
	}
	return false
}

// djangoCreates are the (model key, column) pairs a Python file's
// Model.objects.create(user=request.user) calls fill with the caller.
func djangoCreates(src []byte) map[string]map[string]bool {
	if !bytes.Contains(src, []byte("objects")) || !bytes.Contains(src, []byte("request.user")) {
		return nil
	}
	var out map[string]map[string]bool
	for _, m := range djangoCreateRE.FindAllSubmatchIndex(src, -1) {
		end := lang.ClosingBracket(src, m[1]-1)
		if end < 0 {
			continue
		}
		model := code.ModelKey(string(src[m[2]:m[3]]))
		for _, a := range lang.SplitTopLevel(string(src[m[1]:end])) {
			k, v, ok := strings.Cut(a, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if ok && identRE.MatchString(k) && callerID(v, nil) {
				if out == nil {
					out = map[string]map[string]bool{}
				}
				if out[model] == nil {
					out[model] = map[string]bool{}
				}
				out[model][k] = true
			}
		}
	}
	return out
}

// djangoQueryRE opens a Django call whose keyword arguments match rows
// (filter, exclude, get, Q) or fill them (create, save).
var djangoQueryRE = regexp.MustCompile(`(?:\.(?:filter|exclude|get|create|save)|\bQ)\s*\(`)

// djangoCallerKeys are the fields a Python file's queries match with the
// signed-in user (queryset.filter(owner=request.user), Q(user=...)) or
// saves fill with it (serializer.save(owner=request.user)), by
// columnKey: the key that makes a row the caller's, on whatever model
// the queryset is. A key the row outlives (SET_NULL) is still its owner
// when the app lists a person's rows by it.
func djangoCallerKeys(f *detector.File) []string {
	if lang.Of(f.Path).Family() != lang.Python || lang.IsTest(f.Path) || !bytes.Contains(f.Data, []byte("request.user")) {
		return nil
	}
	src := lang.StripComments(lang.Of(f.Path), f.Data)
	var out []string
	for _, m := range djangoQueryRE.FindAllIndex(src, -1) {
		end := lang.ClosingBracket(src, m[1]-1)
		if end < 0 {
			continue
		}
		for _, a := range lang.SplitTopLevel(string(src[m[1]:end])) {
			k, v, ok := strings.Cut(a, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			k, _, _ = strings.Cut(k, "__") // owner__id, user__in
			if ok && identRE.MatchString(k) && !strings.HasPrefix(v, "=") && callerID(v, nil) {
				out = append(out, columnKey(k))
			}
		}
	}
	return out
}

// Owner columns proven by use across the tree: where the code cannot say
// which model an object is (Go's file.UserId, PHP's array of columns),
// a column the code fills with the caller's id (UserId: user.Id,
// x.UserId = user.Id, create(['user_id' => $user->id()])) or compares
// with it (file.UserId != user.Id, where('user_id', $user->id())) holds
// a person's id wherever it appears: a model with that column, typed
// like the user model's key, is a user's though no foreign key is
// declared (SQL kept in Go strings, a schema dump with no constraint).
// A *_id column to another table, or one never written or read with the
// caller's id, is no owner.

var (
	// goCaller is the caller's id in Go: a user's Id (user.Id,
	// currentUser.ID, session.User.Id) or a variable named for it
	// (userId, userID).
	goCaller = `(?:(?:[A-Za-z_]\w*\.)*[A-Za-z_]*[uU]ser\.I[dD]|[a-z]\w*[uU]ser_?I[dD]|user_?I[dD])\b`
	// goCallerColumnRE: Field: caller in a composite literal, x.Field =
	// caller, x.Field == caller, caller != x.Field.
	goCallerColumnRE = regexp.MustCompile(`(?:(?:^|[{,\s])(\w+)\s*:\s*` + goCaller + `\s*(?:[,}\n])|\.(\w+)\s*(?:=|[!=]=)\s*` + goCaller + `|` + goCaller + `\s*[!=]=\s*[A-Za-z_]\w*\.(\w+)\b)`)
	// phpCaller is the caller's id in PHP: a user's id ($user->id(),
	// $this->user->id, Auth::user()->getKey()) or Auth::id().
	phpCaller = `(?:(?:\$(?:this->)?\w*[uU]ser|(?:Auth::|auth\(\)->)user\(\)|\$request->user\(\))->(?:id\(\)|id\b|getKey\(\))|(?:Auth::|auth\(\)->)id\(\)|\$\w*[uU]ser_?[iI]d\b)`
	// phpCallerColumnRE: 'column' => caller in an array of columns,
	// where('column', caller) or where('column', '=', caller).
	phpCallerColumnRE = regexp.MustCompile(`['"](\w+)['"]\s*=>\s*` + phpCaller + `|\bwhere\(\s*['"](\w+)['"]\s*,\s*(?:['"]=['"]\s*,\s*)?` + phpCaller)
)

// callerColumns are the columns a Go or PHP file fills with the caller's
// id or compares with it, by columnKey.
func callerColumns(f *detector.File) []string {
	var re *regexp.Regexp
	switch lang.Of(f.Path).Family() {
	case lang.Go:
		re = goCallerColumnRE
	case lang.PHP:
		re = phpCallerColumnRE
	default:
		return nil
	}
	src := lang.StripComments(lang.Of(f.Path), f.Data)
	var out []string
	for _, m := range re.FindAllSubmatch(src, -1) {
		for _, g := range m[1:] {
			if c := columnKey(string(g)); len(g) > 0 && c != "id" && c != "pk" {
				out = append(out, c)
			}
		}
	}
	return out
}

// columnKey is a column's name as code and schema both spell it:
// user_id, UserId and userid are one column.
func columnKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "_", ""))
}

// keyTypeClass groups a column's declared type by the values it holds,
// "" when unknown.
func keyTypeClass(t string) string {
	t = strings.ToLower(t)
	switch {
	case t == "":
		return ""
	case strings.Contains(t, "uuid"):
		return "uuid"
	case strings.Contains(t, "int") || strings.Contains(t, "serial"):
		return "int"
	case strings.Contains(t, "char") || strings.Contains(t, "text") || strings.Contains(t, "string"):
		return "string"
	}
	return ""
}

// personKey is a person model, its key's declared type, and whether it
// signs in with a password of its own.
type personKey struct {
	key, name, idType string
	password          bool
}

// callerPeople are the people the caller may be, the main person first,
// then the others that sign in, each with its key's type: the caller's id
// in a column names the one whose key it matches (an integer UserId is
// the users table's, not a shared file's text id).
func (d *Detector) callerPeople(order []string, groups map[string][]int, users map[string]bool, main string) []personKey {
	if len(d.callerCols) == 0 || main == "" {
		return nil
	}
	keyOf := func(k string) personKey {
		p := personKey{key: k}
		for _, i := range groups[k] {
			m := d.seen[i]
			if code.ModelKey(m.Name) == k && p.name == "" {
				p.name = m.Name
			}
			for _, f := range m.Fields {
				if strings.EqualFold(f.Name, "id") && f.Type != "" {
					p.idType = f.Type
				}
				p.password = p.password || signInSecret(f.Name) && FieldClass(m.Name, f) == AuthSecret
			}
		}
		return p
	}
	out := []personKey{keyOf(code.ModelKey(main))}
	for _, k := range order {
		if !users[k] || k == code.ModelKey(main) {
			continue
		}
		if slices.ContainsFunc(groups[k], func(i int) bool { return d.seen[i].signsIn || d.authUser[k] }) {
			if p := keyOf(k); p.name != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// callerColumn is the person whose id the model's plain key column holds
// (its name ends in id or by: user_id, OwnerId, created_by): the tree
// fills the column with the caller's id or compares it with it, and the
// column is typed like that person's key. The person is the one the
// column is named for (UserId, a users table), else the main person when
// it signs in with a password of its own: a provider's settings or a
// tenant read as a person own nothing by a column's use. "" when none.
func (d *Detector) callerColumn(m seenModel, people []personKey) string {
	if len(people) == 0 {
		return ""
	}
	keys := relationKeys(m.Model)
	for _, f := range m.Fields {
		if keys[f.Name] || !d.callerCols[columnKey(f.Name)] {
			continue
		}
		ws := code.Words(f.Name)
		n := len(ws)
		if n < 2 || ws[n-1] != "id" && ws[n-1] != "by" {
			continue
		}
		stem := code.ModelKey(strings.Join(ws[:n-1], "_"))
		got := keyTypeClass(f.Type)
		for i, p := range people {
			if p.key != stem && (i > 0 || !p.password) {
				continue
			}
			if want := keyTypeClass(p.idType); want == "" || got == "" || got == want {
				return p.name // an integer UserId beside an integer user key
			}
		}
	}
	return ""
}

// keyWords are the last words of a key column named after its table
// (ownerHex, user_id, commenter_uuid).
var keyWords = map[string]bool{"id": true, "hex": true, "uuid": true, "guid": true, "key": true, "pk": true, "code": true}

// namedKeys adds the relations a schema that declares no foreign key
// makes by name: a table whose primary key is named after the table
// (owners.ownerHex, domains.domain) is what another table's column of
// exactly that name holds (ownerConfirmHexes.ownerHex, views.domain),
// when the two are typed alike. A generic key (id, token, code) names
// no table, and a name two tables key by is neither's.
func (d *Detector) namedKeys(order []string, groups map[string][]int) {
	type keyed struct{ model, typ string }
	byCol := map[string]keyed{}
	for _, k := range order {
		for _, i := range groups[k] {
			m := d.seen[i]
			if m.Key == "" || code.ModelKey(m.Name) != k {
				continue
			}
			ws := code.Words(m.Key)
			if n := len(ws); n > 1 && keyWords[ws[n-1]] {
				ws = ws[:n-1]
			}
			if len(ws) == 0 || len(ws) == 1 && keyWords[ws[0]] || code.ModelKey(strings.Join(ws, " ")) != k {
				continue
			}
			typ := ""
			for _, f := range m.Fields {
				if f.Name == m.Key {
					typ = keyTypeClass(f.Type)
				}
			}
			c := columnKey(m.Key)
			if prev, ok := byCol[c]; ok && prev.model != m.Name {
				byCol[c] = keyed{} // two tables key by it: neither's
				continue
			}
			byCol[c] = keyed{m.Name, typ}
		}
	}
	if len(byCol) == 0 {
		return
	}
	for i := range d.seen {
		m := &d.seen[i]
		keys := relationKeys(m.Model)
		cloned := false
		for _, f := range m.Fields {
			to, ok := byCol[columnKey(f.Name)]
			if !ok || to.model == "" || code.ModelKey(to.model) == code.ModelKey(m.Name) || keys[f.Name] {
				continue
			}
			if got := keyTypeClass(f.Type); got != "" && to.typ != "" && got != to.typ {
				continue // an integer domain beside a text one: another value
			}
			if !cloned {
				// The relations are shared with the file's memo: copied
				// before the first change.
				m.Relations, cloned = slices.Clone(m.Relations), true
			}
			m.Relations = append(m.Relations, Relation{Target: to.model, Field: f.Name, Line: m.Line})
		}
	}
}

// tableKeys adds the relations a schema that declares no foreign key
// makes by its tables' names. A user or user_id column holds the id of
// the app's person, whatever its table is called (lnbits's accounts):
// the one table that keeps an e-mail and a password of its own. Two such
// tables leave the column unread, as before. A column named as another
// table's singular (wallet, beside wallets) holds that table's key. Each
// is kept only when the target has an id typed like the column, and
// only in a model that declares no key of its own.
func (d *Detector) tableKeys(order []string, groups map[string][]int) {
	type table struct{ name, idType string }
	tables := map[string]table{}
	var people []string
	for _, k := range order {
		t := table{}
		email, password := false, false
		for _, i := range groups[k] {
			m := d.seen[i]
			if code.ModelKey(m.Name) != k {
				continue
			}
			if t.name == "" {
				t.name = m.Name
			}
			for _, f := range m.Fields {
				if strings.EqualFold(f.Name, "id") {
					t.idType = cmp.Or(keyTypeClass(f.Type), "?")
				}
				email = email || FieldClass(m.Name, f) == Contact && slices.Contains(code.Words(f.Name), "email")
				password = password || signInSecret(f.Name) && FieldClass(m.Name, f) == AuthSecret
			}
		}
		if t.name == "" || t.idType == "" {
			continue
		}
		tables[k] = t
		if email && password {
			people = append(people, k)
		}
	}
	for i := range d.seen {
		m := &d.seen[i]
		if len(m.Relations) > 0 {
			continue // a model that declares its keys declares them all (a hook's label is no key to labels)
		}
		own := code.ModelKey(m.Name)
		cloned := false
		for _, f := range m.Fields {
			to := ""
			switch c, k := columnKey(f.Name), code.ModelKey(f.Name); {
			case c == "user" || c == "userid":
				if len(people) == 1 {
					to = people[0]
				}
			case tables[k].name != "" && !strings.EqualFold(tables[k].name, f.Name) && strings.EqualFold(strings.ReplaceAll(k, " ", "_"), f.Name):
				to = k // the column is the singular of the table's name
			}
			t, ok := tables[to]
			if to == "" || !ok || to == own {
				continue
			}
			if got := keyTypeClass(f.Type); got != "" && t.idType != "?" && got != t.idType {
				continue // an integer column beside a text id: another value
			}
			if !cloned {
				m.Relations, cloned = slices.Clone(m.Relations), true
			}
			m.Relations = append(m.Relations, Relation{Target: t.name, Field: f.Name, Line: m.Line})
		}
	}
}
