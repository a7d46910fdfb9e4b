package signal

import (
	"regexp"
	"testing"
)

func TestWebRoutePatterns(t *testing.T) {
	for _, tc := range []struct {
		name string
		re   *regexp.Regexp
		code string
		want bool
	}{
		{"mutates: sequelize destroy", mutatesStore, `await db.Notes.destroy({ where: { id } })`, true},
		{"mutates: mongoose findByIdAndUpdate", mutatesStore, `await Order.findByIdAndUpdate(id, { status: "paid" })`, true},
		{"mutates: django queryset delete", mutatesStore, `Note.objects.filter(pk=pk).delete()`, true},
		{"mutates: SQL", mutatesStore, `db.run("DELETE FROM notes WHERE id = ?", id)`, true},
		{"mutates: gorm", mutatesStore, `db.Delete(&note, id)`, true},
		{"mutates: SQL written in lower case, opening its string", mutatesStore, `$sql = "delete from items where id=:id";`, true},
		{"mutates: SQL with a lower-case set", mutatesStore, `$st = $pdo->prepare("UPDATE users set password=:p where name=:n");`, true},
		{"mutates: a message that says delete from", mutatesStore, `flash("Pick the rows to delete from the list")`, false},
		{"mutates: a hash's update is no write", mutatesStore, `crypto.createHash("sha1").update(note.body)`, false},
		{"mutates: a read", mutatesStore, `const note = await Note.findOne({ where: { id } })`, false},
		{"privileged: role from the body", privilegedOp, `member.role = req.body.role;`, true},
		{"privileged: admin flag in an update", privilegedOp, `User.update({ isAdmin: req.body.isAdmin }, { where: { id } })`, true},
		{"privileged: account deleted by a given id", privilegedOp, `await User.findByIdAndDelete(req.params.id)`, true},
		{"privileged: a constant default role", privilegedOp, `user.role = "member"`, false},
		{"privileged: Go field set from the form", privilegedOp, `member.Role = c.PostForm("role")`, true},
		{"privileged: Go literal with an admin flag from the query", privilegedOp, `u := User{Name: name, IsAdmin: r.URL.Query().Get("admin") == "1"}`, true},
		{"privileged: Go constant role", privilegedOp, `u := User{Name: name, Role: "member"}`, false},
		{"privileged: the caller deletes their own account", privilegedOp, `await User.destroy({ where: { id: req.user.id } })`, false},
		{"id from body: findById", idFromRequest, `const doc = await Doc.findById(req.body.id)`, true},
		{"id from query: keyed object", idFromRequest, `Invoice.findOne({ invoiceId: req.query.invoice })`, true},
		{"id from query: django", idFromRequest, `Invoice.objects.get(pk=request.GET["id"])`, true},
		{"id from body: destructured", idFromRequest, `const { orderId, note } = req.body`, true},
		{"login by e-mail is no id", idFromRequest, `User.findOne({ email: req.body.email })`, false},
		{"id from query: gorm First", idFromRequest, `db.First(&note, c.Query("id"))`, true},
		{"id from form: gorm Delete", idFromRequest, `db.Delete(&Note{}, r.FormValue("id"))`, true},
		{"id from query: gorm where on an id column", idFromRequest, `db.Where("order_id = ?", c.Query("order")).First(&o)`, true},
		{"gorm: the caller's own id is no id from the request", idFromRequest, `db.First(&user, c.GetString("userID"))`, false},
		{"gorm: a where on a name is no id", idFromRequest, `db.Where("email = ?", c.PostForm("email")).First(&u)`, false},
		{"permission: a failed can* test stops the handler", permissionCheck, `if (!(await canViewAllTeams(auth))) { return unauthorized(); }`, true},
		{"permission: django has_perm", permissionCheck, `if not request.user.has_perm("teams.delete_team"):`, true},
		{"permission: Go", permissionCheck, `if !authz.CanManage(user) {`, true},
		{"permission: a feature flag is no permission", permissionCheck, `if (!config.enabled) { return notFound(); }`, false},
		{"service role client", privilegedClient, `createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY)`, true},
		{"anon client", privilegedClient, `createClient(url, process.env.SUPABASE_ANON_KEY)`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.re.MatchString(tc.code); got != tc.want {
				t.Errorf("%q: match %v, want %v", tc.code, got, tc.want)
			}
		})
	}
}
