package signal

import (
	"regexp"

	"github.com/threatmap/threatmap/internal/facts"
)

// What a route's handler does that the web-app rules ask about: writes
// to the store (a GET that changes state), privileged operations (a
// role set from the request, an account deleted by a given id), records
// keyed by an id from the body or query, a client that bypasses
// row-level security; and CSRF checks applied or waived at the route.

// requestPart is a value read from the request's body, query or form.
const requestPart = `(?:req\.(?:body|query|params)|request\.(?:args|form|json|GET|POST|data|query_params|values)|ctx\.request\.body|ctx\.query|c\.(?:Query|PostForm|DefaultQuery|FormValue)\(|r\.(?:FormValue|PostFormValue|URL\.Query\(\)\.Get)\()`

var (
	// mutatesStore: an ORM or SQL write, on a model, a repository, a
	// collection or the database handle.
	mutatesStore = regexp.MustCompile(`(?:\b[A-Z]\w*|\bdb\.\w+|\b\w*(?:[Rr]epo(?:sitory)?|[Mm]odel|[Cc]ollection|[Dd]ao|[Ss]tore|objects|[Tt]able))\s*\.\s*(?:create|insert(?:One|Many)?|update(?:One|Many)?|delete(?:One|Many)?|destroy|upsert|findByIdAndUpdate|findOneAndUpdate|findByIdAndDelete|findOneAndDelete|findByIdAndRemove|bulkCreate|bulkWrite|remove|increment|decrement)\s*\(|` +
		`\bprisma\.\w+\.(?:create|update|delete|upsert)\w*\(|\b(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b|["'` + "`" + `]\s*(?i:insert\s+into|update\s+\w+\s+set|delete\s+from)\s|\.objects\.[^\n]*\.(?:delete|update)\(|` +
		`\bsession\.(?:delete|add)\(|\bdb\.(?:Create|Save|Delete|Updates?)\(|\.save\(\s*\)`)
	// privilegedOp: a role or admin flag set from the request, or a user
	// account deleted by an id the request gives.
	privilegedOp = regexp.MustCompile(`\.(?:role|roles|isAdmin|is_admin|is_staff|is_superuser|admin|permissions|Role|Roles|IsAdmin|Admin|IsStaff|IsSuperuser|Permissions)\s*=\s*` + requestPart + `|` +
		`\b(?:role|roles|isAdmin|is_admin|is_staff|is_superuser|Role|Roles|IsAdmin|IsStaff|IsSuperuser)\s*:\s*` + requestPart + `|` +
		`\b(?:User|Users|users|user(?:s)?(?:Repo\w*|Model|Service|Dao|Collection))\s*\.\s*(?:destroy|delete(?:One|Many|ById)?|remove|findByIdAndDelete|findByIdAndRemove|findOneAndDelete)\s*\(\s*(?:\{[^}\n]*)?` + requestPart)
	// idFromRequest: a lookup, change or delete keyed by an id read from
	// the body or query: Doc.findById(req.body.id), get(pk=request.GET["id"]),
	// const { id } = req.body.
	idFromRequest = regexp.MustCompile(`\.(?:findById|findByPk|findOne|find|get|filter|filter_by|where|update\w*|delete\w*|destroy|remove|findByIdAndUpdate|findByIdAndDelete|First|Find|Delete|Updates?)\(\s*(?:\{\s*(?:_?id|\w+_?[iI]d)\s*:\s*)?` + requestPart + `|` +
		`\(\s*[^()\n]*\b(?:id|pk|\w+_id)\s*=\s*request\.(?:args|form|json|GET|POST|data|query_params)\b|` +
		`(?:const|let|var)\s*\{[^}]*\b(?:id|_id|\w+Id)\b[^}]*\}\s*=\s*req\.(?:body|query)\b|` +
		// Go: gorm takes the id after the destination (db.First(&note, id)),
		// or bound in a where clause on an id column.
		`\.(?:First|Find|Take|Last|Delete)\(\s*&?[\w.]+(?:\{\})?\s*,\s*` + requestPart + `|` +
		`\.Where\(\s*"[^"\n]*\b(?:id|\w+_id)\s*=\s*\?[^"\n]*"\s*,\s*` + requestPart)
	// privilegedClient: a Supabase client keyed with the service role,
	// which bypasses row-level security.
	privilegedClient = regexp.MustCompile(`(?i)service_?role`)

	// permissionCheck: a failed test of what the caller may do stops the
	// handler: if (!(await canDeleteTeam(auth))), if not user.has_perm(...).
	permissionCheck = regexp.MustCompile(`\bif\s*\(\s*!\s*\(?\s*(?:await\s+)?(?:[\w.]+\.)?(?:can|has|may)[A-Z]\w*\(|\bif\s+not\s+(?:await\s+)?(?:[\w.]+\.)?(?:can_\w+|has_perm\w*|has_permission)\(|\bif\s*!\s*(?:[\w.]+\.)?(?:Can|Has|May)[A-Z]\w*\(`)

	// csrfGuard also names ASP.NET's anti-forgery check
	// ([ValidateAntiForgeryToken], the global filter).
	csrfGuard       = regexp.MustCompile(`(?i)csrf|xsrf|ValidateAntiForgeryToken`)
	csrfExemptGuard = regexp.MustCompile(`(?i)csrf[_.]?exempt|exempt_?csrf`)
)

var webRoutePatterns = []RoutePattern{
	{Kind: facts.SignalMutatesStore, Code: mutatesStore},
	{Kind: facts.SignalPrivilegedOp, Code: privilegedOp},
	{Kind: facts.SignalIDFromRequest, Code: idFromRequest},
	{Kind: facts.SignalPrivilegedClient, Code: privilegedClient},
	{Kind: facts.SignalPermissionCheck, Code: permissionCheck},
	{Kind: facts.SignalCSRFExempt, Guard: csrfExemptGuard},
	{Kind: facts.SignalCSRFCheck, Guard: csrfGuard},
}
