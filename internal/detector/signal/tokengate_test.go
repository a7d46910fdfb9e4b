package signal

import (
	"slices"
	"strconv"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// A token gate is a lookup by a token the request carries whose miss the
// handler refuses; each lookalike looks the same token up and goes on
// whatever it finds, or looks up a token record by its id.
func TestTokenGates(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		params           []string
		want             []string // "detail line"; detail is the path parameter, or "-"
	}{
		{"prisma: a token parsed from the query, a miss on a value read from the record", "pages/api/verify.ts",
			"async function verify(req, res) {\n  const parsed = Schema.safeParse(req.query);\n  const { token } = parsed.data;\n  const found = await prisma.verificationToken.findFirst({\n    where: { token, expires: { gt: new Date() } },\n  });\n  const email = found?.identifier;\n  if (!email) {\n    return res.status(400).json({});\n  }\n  await prisma.user.update({ where: { email }, data: {} });\n}",
			nil, []string{"- 4"}},
		{"django: get_object_or_404 by the path's token", "bots/views.py",
			"def hook(request, token):\n    bot = get_object_or_404(Bot, hook_token=token)\n    Message.objects.create(bot=bot)",
			[]string{"token"}, []string{"token 2"}},
		{"django: the lookup is the condition (walrus)", "share/views.py",
			"def report(request, token):\n    if link := ShareLink.objects.filter(uuid=token).first():\n        link.blocked = True\n        link.save()\n    return redirect('/')",
			[]string{"token"}, []string{"token 2"}},
		{"python: tested for None, the branch raises", "share/views.py",
			"def show(request, token):\n    link = ShareLink.objects.filter(uuid=token).first()\n    if link is None:\n        raise Http404()\n    return render(link)",
			[]string{"token"}, []string{"token 2"}},
		{"go: the store's error refuses", "web/h.go",
			"func (h *H) reset(w http.ResponseWriter, r *http.Request) {\n\tresetToken := r.FormValue(\"token\")\n\trec, err := h.store.FindResetToken(resetToken)\n\tif err != nil {\n\t\thttp.Error(w, \"invalid\", 400)\n\t\treturn\n\t}\n\th.store.SetPassword(rec.UserID)\n}",
			nil, []string{"- 3"}},
		{"express: a check by any name the handler refuses on failing", "controllers/account.js",
			"async (req, res) => {\n  if (!req.user.useEmailToken(req.params.token, req.ip)) {\n    req.flash('errors', { msg: 'expired' });\n    return res.redirect('/account');\n  }\n  req.user.confirmed = true;\n  await req.user.save();\n}",
			[]string{"token"}, []string{"token 2"}},

		{"lookalike: a failed check of something else, the token only stored", "controllers/account.js",
			"async (req, res) => {\n  if (!isHex(req.query.color)) {\n    return res.redirect('/account');\n  }\n  req.user.pending = req.params.token;\n  await req.user.save();\n}",
			[]string{"token"}, nil},
		{"lookalike: looked up, the miss ignored", "bots/views.py",
			"def hook(request, token):\n    bot = Bot.objects.filter(hook_token=token).first()\n    Message.objects.create(bot=bot)",
			[]string{"token"}, nil},
		{"lookalike: tested for a hit, the write after the branch", "pages/api/verify.ts",
			"async function verify(req, res) {\n  const { token } = req.body;\n  const found = await prisma.verificationToken.findFirst({ where: { token } });\n  if (found) {\n    log(found);\n  }\n  await prisma.user.update({ where: { email: req.body.email }, data: {} });\n}",
			nil, nil},
		{"lookalike: a token record's id, not its secret", "tokens/views.py",
			"def revoke(request, token_id):\n    tok = get_object_or_404(ApiToken, pk=token_id)\n    tok.delete()",
			[]string{"token_id"}, nil},
		{"lookalike: a token made here, not one the request carries", "pages/api/request.ts",
			"async function send(req, res) {\n  const token = randomBytes(32).toString('hex');\n  const found = await prisma.verificationToken.findFirst({ where: { token } });\n  if (!found) {\n    return res.status(500).json({});\n  }\n}",
			nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/x", File: tc.file, Line: 1, Body: tc.body}
			for _, p := range tc.params {
				r.Params = append(r.Params, facts.Param{Name: p, In: "path"})
			}
			var got []string
			for _, s := range tokenGates(&r, tc.body) {
				d := s.Detail
				if d == "" {
					d = "-"
				}
				got = append(got, d+" "+strconv.Itoa(s.Evidence.Line))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
