package facts

// Signal kinds read from a route's handler and guards for the web-app
// rules (CSRF, function-level authorization, ids from the request).
const (
	// SignalCSRFCheck: a CSRF check applied at the route (a csrf
	// middleware or decorator among its guards).
	SignalCSRFCheck = "csrf-check"
	// SignalCSRFExempt: the route is taken out of the app's CSRF check
	// (Django's @csrf_exempt, a route listed as exempt).
	SignalCSRFExempt = "csrf-exempt"
	// SignalMutatesStore: the handler creates, changes or deletes stored
	// records (an ORM or SQL write), not only reads or sends.
	SignalMutatesStore = "mutates-store"
	// SignalPrivilegedOp: the handler does what only an administrator
	// should: sets a role or admin flag from the request, or deletes a
	// user account by an id it was given.
	SignalPrivilegedOp = "privileged-op"
	// SignalIDFromRequest: the handler looks up, changes or deletes a
	// record by an id read from the body or the query string.
	SignalIDFromRequest = "id-from-request"
	// SignalPermissionCheck: the handler stops when a permission test of
	// the caller fails (if (!(await canViewAllTeams(auth))) return ...).
	SignalPermissionCheck = "permission-check"
	// SignalPrivilegedClient: the handler queries through a client that
	// bypasses row-level security (a Supabase service-role key).
	SignalPrivilegedClient = "privileged-client"
)
