package signal

import (
	"regexp"
	"slices"
	"strings"

	words "github.com/threatmap/threatmap/internal/detector/code"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// An object id is a path parameter whose value reaches a lookup: a call
// that loads, changes or deletes a record by it. A parameter the handler
// never reads, or only logs or compares, names no object. A lookup
// that the caller's own id scopes (store.FeedByID(user.ID, id)) is the
// owner condition itself.
var (
	// lookupCallee is the last name of a call that loads or changes
	// records: get/find/query..., ...ByID, ..._or_404, ORM writes.
	lookupCallee = regexp.MustCompile(`^((?i:(get|find|fetch|load|query|select|lookup|retrieve|filter|where|first|one|exists|search|exec|execute|raw|delete|destroy|remove|update|upsert)\w*)|\w*(By[A-Z_]\w*|By|_by_\w+|_or_404|Exists|ByPk))$`)
	// requestAccessor is a receiver that reads the request itself:
	// request.args.get("id") reads the parameter, it looks nothing up.
	requestAccessor = regexp.MustCompile(`(?i)(^|\.)(req|request|r|c|ctx|context|params|query|args|form|headers|cookies|searchParams|kwargs|GET|POST|path_params|query_params|matchdict|vars|os|environ|settings|config)$`)
	// callerID is the caller's own id: a lookup given it is scoped to the
	// caller.
	callerID = regexp.MustCompile(`(?i)\b((user|me|viewer|actor)(\.|->)(id|pk)\b|(current_?user|request(\.|->)user|req\.user|session\.user|g\.user|ctx\.state\.(user|auth)|auth\.user)(\.\w+)?\b|\w+\.UserID\(\w*\)|user_?id\b|owner_?id\b)`)
	// callerAssoc is an association of the caller's own record:
	// current_user.projects, current_account.invoices.
	callerAssoc = regexp.MustCompile(`^current_[a-z]+\.\w+`)
	// reportCall writes the values it is given somewhere (a log, a
	// format): given the caller and the id, it checks nothing.
	reportCall = regexp.MustCompile(`(?i)^(log|print|debug|info|warn|warning|error|trace|fatal|sprintf|format|audit)\w*$|^(log|logger|logging|console|slog|fmt|audit\w*)\.`)
	// oauthStep is a handler that runs one step of an OAuth sign-in: its
	// path parameter names the identity provider, not a record.
	// The provider's authorization URL built, in any spelling
	// (AuthCodeURL, get_authorization_url, createAuthorizationURL,
	// openid-client's authorizationUrl, an app's getAuthorizationUrl).
	oauthStep = regexp.MustCompile(`(AuthCodeURL\(|\.Exchange\(|authorize_redirect\(|authorize_access_token\(|(?i:authori[sz]ation_?url)\(|passport\.authenticate\(|(?i:oauth2?_?(state|flow))\s*\(|(?i:code_?verifier))`)
	// bareLookup is a lookup called as a plain function: a helper such
	// as getPagination(...) computes, get_object_or_404 loads.
	bareLookup = regexp.MustCompile(`(_or_404|By[A-Z_]\w*|ById|ByPk)$`)
	// definition and definitionBody tell a function's own signature
	// (def delete_note(note_id): ..., func (h *h) show(...) {, delete(id) {)
	// from a call.
	definition     = regexp.MustCompile(`(\b(def|func|function|fn|fun)\s*\*?\s*|\bfunc\s*\([^)]*\)\s*)$`)
	definitionBody = regexp.MustCompile(`^\s*(:\s*[\w\[\]<>|., ]*)?\{|^\s*(->\s*[^:\n]*)?:\s*(#.*)?\n`)
	callStart      = regexp.MustCompile(`([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(`)
	assignLHS      = regexp.MustCompile(`(?m)^\s*(?:const|let|var|val|auto)?\s*([\w$][\w$\s,{}:\[\]*&]*?)\s*(?::=|=)\s*([^=].*)$`)
	identRE        = regexp.MustCompile(`[A-Za-z_$][\w$]*`)
)

// idLookups is one id-lookup signal per path parameter of r whose value
// reaches a lookup in its handler (body, comments blanked), at the
// lookup's line, and an ownership signal where a call is given both the
// parameter and the caller's id.
//
// When every lookup the parameter reaches loads a shared model's record
// (one no user owns: shared) and names no model of the scan's user data
// besides (models), a shared-record signal too: the id reaches no other
// user's data.
func idLookups(r *facts.Route, body string, models, shared []string) []facts.Signal {
	if body == "" || oauthStep.MatchString(body) {
		return nil
	}
	code := blankStrings(body)
	var out []facts.Signal
	for _, p := range r.Params {
		if p.In != "" && p.In != "path" {
			continue
		}
		all, owner := paramLookupsIn(body, code, p.Name, r.Scope, otherParams(r.Params, p.Name))
		if len(all) == 0 || pageOnly(body, p.Name) {
			continue // no lookup, or a page number (offset((page-1)*20))
		}
		// The caller selected by the request's credentials and the id
		// together, refused on a miss: the owner condition.
		for _, j := range all {
			if owner >= 0 {
				break
			}
			if credentialSelect(body, code, j) {
				owner = j
			}
		}
		i := all[0]
		out = append(out, facts.Signal{Kind: facts.SignalIDLookup, Detail: p.Name, Route: r.Key(),
			In: facts.SignalInHandler, Evidence: handlerLine(r, i)})
		// Every lookup the id reaches loads a shared record: one that
		// loads a user's record still reaches another user's data.
		if !slices.ContainsFunc(all, func(j int) bool { return !sharedLookup(receiverOf(code, j)+code[j:], models, shared) }) {
			out = append(out, facts.Signal{Kind: facts.SignalSharedRecord, Detail: p.Name, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, i)})
		}
		if owner >= 0 {
			out = append(out, facts.Signal{Kind: facts.SignalOwnership, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, owner)})
		}
	}
	// The handler compares the caller with the record's owner, or with
	// the path's id, and refuses when they differ: the owner condition.
	if len(out) > 0 {
		var aliases []string
		for _, p := range r.Params {
			aliases = append(aliases, aliasesOf(body, p.Name)...)
		}
		aliases = append(aliases, clientVars(body)...)
		callers := append(append(callerVars(body, aliases), declaredCallers(body)...), r.Scope...)
		if at := ownerRefusalOf(body, code, callers, nil, aliases); at >= 0 {
			out = append(out, facts.Signal{Kind: facts.SignalOwnership, Route: r.Key(),
				In: facts.SignalInHandler, Evidence: handlerLine(r, at)})
		}
	}
	return out
}

// paramLookup is the offset of the first lookup the parameter name
// reaches in body, and of the first call given both it and the caller's
// id (a scoped lookup, or a check such as is_author(user, id): the owner
// condition), each -1 when there is none. code is body with string
// literals blanked.
func paramLookup(body, code, name string) (first, owner int) {
	all, owner := paramLookups(body, code, name)
	if len(all) == 0 {
		return -1, owner
	}
	return all[0], owner
}

// paramLookups is paramLookup with the offset of every lookup the
// parameter reaches, in order.
func paramLookups(body, code, name string) (all []int, owner int) {
	return paramLookupsIn(body, code, name, nil, nil)
}

// paramLookupsIn is paramLookups where a guard that checked the caller
// hands the handler the objects scope names (facts.Route.Scope): a
// lookup given one of them is among the caller's records. others are
// the route's other parameters: the caller chose them too, so neither
// they nor a variable holding them or a record looked up by them is the
// caller (/users/{user_id}/cards/{card_id}: user_id is not the caller's
// id, whatever it is called).
func paramLookupsIn(body, code, name string, scope, others []string) (all []int, owner int) {
	owner = -1
	if name == "" || wordIndex(body, name) < 0 {
		return nil, owner
	}
	aliases := aliasesOf(body, name)
	supplied := slices.Clone(aliases)
	// A user_id the client sent is no caller's (clientVars).
	for _, v := range clientVars(body) {
		if !contains(supplied, v) {
			supplied = append(supplied, v)
		}
	}
	for _, o := range others {
		for _, a := range aliasesOf(body, o) {
			if !contains(supplied, a) {
				supplied = append(supplied, a)
			}
		}
	}
	callers := assignedVars(body, supplied, func(rhs string, out []string) bool {
		return scoped(rhs, supplied, out) && !readsAnyWord(rhs, supplied)
	})
	for _, c := range declaredCallers(body) {
		if !contains(aliases, c) && !contains(callers, c) {
			callers = append(callers, c)
		}
	}
	for _, s := range scope {
		if !contains(aliases, s) && !contains(callers, s) {
			callers = append(callers, s)
		}
	}
	reads := readByName(name)
	for _, m := range callStart.FindAllStringSubmatchIndex(code, -1) {
		callee := strings.ReplaceAll(code[m[2]:m[3]], " ", "")
		last := callee[strings.LastIndex(callee, ".")+1:]
		if definition.MatchString(code[:m[0]]) || controlWord[callee] {
			continue
		}
		end := closing(code, m[1]-1)
		if end < 0 || definitionBody.MatchString(code[end+1:]) {
			continue
		}
		args, raw := code[m[1]:end], body[m[1]:end]
		reaches := false
		for _, a := range aliases {
			if readsWord(args, a) {
				reaches = true
				break
			}
		}
		// The name in quotes reads the parameter: c.Param("id") inside
		// the lookup's arguments.
		if !reaches && reads.MatchString(raw) {
			receiver := strings.TrimSuffix(callee, "."+last)
			reaches = receiver == callee || !requestAccessor.MatchString(receiver)
		}
		if !reaches {
			continue
		}
		// Any call given the id and the caller's id looks the record up
		// among the caller's (store.Category(userID, id)); otherwise only
		// a lookup's name says it loads a record.
		sc := !reportCall.MatchString(last) && !reportCall.MatchString(callee) && !reportCall.MatchString(arrowReceiver(code[:m[0]])) && scoped(chain(code, m[0])+args, supplied, callers)
		// A lookup among the caller's own records by association
		// (current_user.projects.find(params[:id]), request.user.notes.get(pk=pk)).
		if receiver := strings.TrimSuffix(callee, "."+last); !sc && receiver != callee && callerAssoc.MatchString(receiver) && scoped(receiver, aliases, callers) {
			sc = true
		}
		// Or through a relationship of a record the caller holds
		// (g.project.members.filter(...), where a guard handed the
		// handler g.project once it checked the caller).
		if receiver := strings.TrimSuffix(callee, "."+last); !sc && receiver != callee && strings.Contains(receiver, ".") {
			for _, c := range callers {
				if strings.HasPrefix(receiver, c+".") {
					sc = true
					break
				}
			}
		}
		// PHP calls methods with -> and static ones with :: (Post::find).
		before := strings.TrimRight(code[:m[0]], " \t\n")
		method := last != callee || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "->") || strings.HasSuffix(before, "::")
		if !sc && (!lookupCallee.MatchString(last) || (!method && !bareLookup.MatchString(last))) {
			continue
		}
		all = append(all, m[0])
		if sc && owner < 0 {
			owner = m[0]
		}
	}
	return all, owner
}

// controlWord is a statement's keyword before its bracket: if (a !== b)
// is a condition, not a call given both values (a comparison with the
// caller is read as one, by ownerRefusalOf and the owner pattern).
var controlWord = map[string]bool{"if": true, "elseif": true, "while": true, "for": true, "foreach": true, "switch": true, "catch": true, "return": true, "and": true, "or": true, "not": true, "unless": true}

// readsAnyWord reports whether code reads one of the variables.
func readsAnyWord(code string, names []string) bool {
	for _, n := range names {
		if readsWord(code, n) {
			return true
		}
	}
	return false
}

// phpReceiver is the object a PHP method is called on: $audit-> or
// $this->audit-> before the method's name.
var phpReceiver = regexp.MustCompile(`(\w+)\s*->\s*$`)

// arrowReceiver is "name." for the object a PHP method call (before ends
// where its name starts) is made on, so a logger's or an audit trail's
// method reads as theirs: $audit->recordExport(...).
func arrowReceiver(before string) string {
	if m := phpReceiver.FindStringSubmatch(before); m != nil {
		return m[1] + "."
	}
	return ""
}

// aliasesOf is the parameter's name and every variable assigned from an
// expression that holds it or an alias (feedID := request.RouteInt64Param(r, "feedID");
// id = int(item_id)), two steps deep.
func aliasesOf(body, name string) []string {
	aliases := []string{name}
	for range 2 {
		for _, m := range assignLHS.FindAllStringSubmatch(body, -1) {
			lhs, rhs := m[1], m[2]
			if isLookup(rhs) || scoped(rhs, aliases, nil) {
				continue // the record looked up, not its id
			}
			holds := false
			for _, a := range aliases {
				if readsWord(rhs, a) {
					holds = true
					break
				}
			}
			if !holds {
				continue
			}
			for _, id := range identRE.FindAllString(lhs, -1) {
				switch id {
				case "err", "ok", "_", "const", "let", "var":
					continue
				}
				if !contains(aliases, id) {
					aliases = append(aliases, id)
				}
			}
		}
	}
	return aliases
}

// readsWord reports whether code reads the variable word: an occurrence
// that is not a keyword argument's name (filter_by(username=resp['sub'])
// names a column; filter_by(username=username) reads the variable too).
func readsWord(code, word string) bool {
	for at := 0; at < len(code); {
		i := wordIndex(code[at:], word)
		if i < 0 {
			return false
		}
		i += at
		rest := strings.TrimLeft(code[i+len(word):], " \t")
		if (!strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==")) && !otherAttribute(code, i) {
			return true
		}
		at = i + len(word)
	}
	return false
}

// otherAttribute says the word at i is an attribute of an object that is
// not the request (current_user.user_id, order->user_id): another
// value, not the variable. An attribute of the request's parameters
// (req.params.userId, ctx.query.id) reads it.
func otherAttribute(code string, i int) bool {
	before := strings.TrimRight(code[:i], " \t")
	switch {
	case strings.HasSuffix(before, "->"):
		before = before[:len(before)-2]
	case strings.HasSuffix(before, ".") && !strings.HasSuffix(before, ".."):
		before = before[:len(before)-1]
	default:
		return false
	}
	recv := receiverChain.FindString(before)
	return recv != "" && !requestAccessor.MatchString(recv)
}

// receiverChain is the dotted name a member access is made on.
var receiverChain = regexp.MustCompile(`[A-Za-z_$][\w$]*(?:\s*(?:\.|->)\s*[A-Za-z_$][\w$]*)*$`)

// isLookup reports whether code calls a lookup.
func isLookup(code string) bool {
	for _, m := range callStart.FindAllStringSubmatch(code, -1) {
		callee := strings.ReplaceAll(m[1], " ", "")
		if lookupCallee.MatchString(callee[strings.LastIndex(callee, ".")+1:]) {
			return true
		}
	}
	return false
}

// scoped reports whether a lookup's arguments hold the caller's own id
// (or a variable holding it or the caller's record) besides the
// parameter: the record is looked up among the caller's.
func scoped(args string, aliases, callers []string) bool {
	if callerSource.MatchString(args) {
		return true
	}
	for _, m := range callerID.FindAllStringIndex(args, -1) {
		// The parameter itself (/users/{user_id}) is not the caller.
		id := args[m[0]:m[1]]
		head, _, _ := strings.Cut(id, ".")
		// A key or keyword named for the owner ({ userId: ... },
		// filter_by(user_id=...)) names the column; its value says who.
		if rest := strings.TrimLeft(args[m[1]:], " \t"); strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "::") || strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") {
			continue
		}
		if !contains(aliases, id) && !contains(aliases, head) {
			return true
		}
	}
	for _, c := range callers {
		if wordIndex(args, c) >= 0 {
			return true
		}
	}
	return false
}

// callerVars are the variables assigned from the caller's id or record:
// userID := request.UserID(r); loggedUser, err := store.UserByID(request.UserID(r)).
func callerVars(body string, aliases []string) []string {
	return assignedVars(body, aliases, func(rhs string, out []string) bool { return scoped(rhs, aliases, out) })
}

// assignedVars are the names on the left of the assignments in body
// whose right side keep accepts (given the names found so far), leaving
// out error and ok results, blanks and the aliases themselves.
func assignedVars(body string, aliases []string, keep func(rhs string, out []string) bool) []string {
	var out []string
	for _, m := range assignLHS.FindAllStringSubmatch(body, -1) {
		if !keep(m[2], out) {
			continue
		}
		for _, id := range identRE.FindAllString(m[1], -1) {
			switch id {
			case "err", "ok", "_", "const", "let", "var":
				continue
			}
			if !contains(aliases, id) && !contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// chain is the builder chain a call at i continues: the lines before it
// when the call continues a chain over lines (store.Query(userID).\n  WithTag(tag)).
func chain(code string, i int) string {
	start := strings.LastIndexByte(code[:i], '\n') + 1
	for start > 0 {
		prev := strings.LastIndexByte(code[:start-1], '\n') + 1
		if !strings.HasPrefix(strings.TrimSpace(code[start:i]), ".") && !strings.HasSuffix(strings.TrimSpace(code[prev:start-1]), ".") {
			break
		}
		start = prev
	}
	return code[start:i]
}

// readByName matches the parameter read by its name in quotes: an
// argument of a call (c.Param("id"), RouteInt64Param(r, "id")) or an
// index (req.params["id"]); a string that only equals the name is data.
func readByName(name string) *regexp.Regexp {
	q := "[\"'`]" + regexp.QuoteMeta(name) + "[\"'`]"
	return regexp.MustCompile(`(\(\s*([\w.&*]+\s*,\s*)*` + q + `\s*[,)])|\[\s*` + q + `\s*\]`)
}

// closing is the offset of the parenthesis that closes the one at open in
// code (strings blanked), or -1.
func closing(code string, open int) int {
	return lang.ClosingBracket(code, open)
}

// blankStrings replaces the contents of string literals ('...', "...",
// `...`) with spaces, keeping offsets and newlines, so a word inside a
// string is not read as code.
func blankStrings(s string) string {
	b := []byte(s)
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote == 0:
			if c == '"' || c == '\'' || c == '`' {
				quote = c
			}
		case c == '\\' && i+1 < len(b):
			b[i] = ' '
			if b[i+1] != '\n' {
				b[i+1] = ' '
			}
			i++
		case c == quote:
			quote = 0
		case c == '\n' && quote != '`':
			quote = 0 // an unclosed quote ends at the line (an apostrophe in a comment)
		default:
			if c != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// receiverOf is the expression a lookup at i is called on, when it is
// called on one (Problem.only(FIELDS).find(id): the receiver names the
// model), read back across a chain's lines; "" for a plain call.
func receiverOf(code string, i int) string {
	pre := chain(code, i)
	if !strings.HasSuffix(strings.TrimRight(pre, " \t\n"), ".") {
		return ""
	}
	j := len(pre)
	for j > 0 {
		c := pre[j-1]
		switch {
		case c == ')' || c == ']':
			depth := 0
			k := j - 1
			for ; k >= 0; k-- {
				switch pre[k] {
				case ')', ']':
					depth++
				case '(', '[':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			if k < 0 {
				return ""
			}
			j = k
		case c == ' ' || c == '\t' || c == '\n':
			// Space inside a chain only: before a dot or after one.
			after := strings.TrimLeft(pre[j:], " \t\n")
			before := strings.TrimRight(pre[:j], " \t\n")
			if !strings.HasPrefix(after, ".") && !strings.HasSuffix(before, ".") {
				return after
			}
			j--
		case c == '.' || c == ':' || c == '_' || c == '@' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			j--
		default:
			return pre[j:]
		}
	}
	return pre[j:]
}

// sharedLookup reports whether the lookup call code starts with (strings
// blanked) loads a shared model's record and names no other model of
// the scan's: by the model's name, client property or table in the call
// (Tag.objects.get, db.tag.find, FROM tags), or by the callee's name
// (GetTag, Tags.delete, get_tag_by_id).
func sharedLookup(code string, models, shared []string) bool {
	if len(shared) == 0 {
		return false
	}
	end := strings.IndexByte(code, '(')
	if end < 0 {
		return false
	}
	if c := closing(code, end); c > 0 {
		end = c + 1
	}
	call := code[:end]
	names := func(m string) bool { return modelIndex(call, m) >= 0 || calleeNames(call, m) }
	found := false
	for _, m := range shared {
		found = found || names(m)
	}
	if !found {
		return false
	}
	for _, m := range models {
		if !contains(shared, m) && names(m) {
			return false
		}
	}
	return true
}

// calleeNames reports whether an identifier of a call's callee holds the
// model's words in a row, each word singular: GetBookmark and
// bookmarks.get hold Bookmark; GetBookmarkTags holds Tag; Tagged does not.
func calleeNames(call, model string) bool {
	key := strings.Fields(words.ModelKey(model))
	// A class named for what it holds and for being a model (SQLAlchemy's
	// ProductModel) names its records by the first part alone
	// (db_products_by_id.get).
	if n := len(key); n > 1 && key[n-1] == "model" {
		key = key[:n-1]
	}
	if len(key) == 0 {
		return false
	}
	callee, _, _ := strings.Cut(call, "(")
	for _, id := range identRE.FindAllString(callee, -1) {
		ws := words.Words(id)
		for i := range ws {
			ws[i] = words.ModelKey(ws[i])
		}
		for i := 0; i+len(key) <= len(ws); i++ {
			if slices.Equal(ws[i:i+len(key)], key) {
				return true
			}
		}
	}
	return false
}

// otherParams names a route's parameters other than name, which the
// caller chose too (paramLookupsIn's others).
func otherParams(params []facts.Param, name string) []string {
	var others []string
	for _, o := range params {
		if o.Name != name {
			others = append(others, o.Name)
		}
	}
	return others
}
