package signal

import (
	"context"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A handler that calls a repository function touching a model reaches
// that model, at the call; a helper whose name two functions share, one
// that touches nothing, and the handler's own name are not followed.
func TestModelsThrough(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"lib/db/queries.ts": "export async function getUser() {\n  const [u] = await db.select().from(users).where(eq(users.id, 1));\n  return u;\n}\n\n" +
			"export async function getTeamForUser(id: number) {\n  return db.query.teamMembers.findFirst({ where: eq(teamMembers.userId, id) });\n}\n\n" +
			"export function formatDate(d: Date) {\n  return d.toISOString();\n}\n\n" +
			"export async function save(x: unknown) {\n  await db.insert(users).values(x);\n}\n",
		"lib/other.ts": "export async function save(x: unknown) {\n  await db.insert(invoices).values(x);\n}\n",
	}
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	}
	models := []string{"users", "team_members", "invoices"}
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"a helper that selects users", "export async function GET() {\n  const user = await getUser();\n  return Response.json(user);\n}", []string{"users"}},
		{"two helpers", "export async function GET() {\n  const user = await getUser();\n  const team = await getTeamForUser(user.id);\n  return Response.json(team);\n}", []string{"team_members", "users"}},
		{"lookalike: a helper that touches nothing", "export async function GET() {\n  return Response.json({ now: formatDate(new Date()) });\n}", nil},
		{"lookalike: a name two files define", "export async function POST(req: Request) {\n  await save(await req.json());\n  return new Response(null);\n}", nil},
		{"named by the handler itself: no second signal", "export async function GET() {\n  const rows = await db.select().from(users);\n  await getUser();\n  return Response.json(rows);\n}", nil},
	} {
		r := facts.Route{Method: "GET", Path: "/api/user", File: "app/api/user/route.ts", Line: 1, Handler: "GET", Body: tc.body}
		var got []string
		for _, s := range d.modelsThrough(&r, models) {
			if s.Kind == facts.SignalNamesModel {
				got = append(got, s.Detail)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: models %v, want %v", tc.name, got, tc.want)
		}
	}
}
