package userdata

import (
	"bytes"
	"regexp"

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
	// pairRE: a property and its value, up to the next comma or line end;
	// shorthandRE: a property written by the variable of its name.
	pairRE      = regexp.MustCompile(`(?m)(?:^|[{,])\s*(\w+)\s*:\s*([^,\n{}]+?)\s*(?:,|$|\})`)
	shorthandRE = regexp.MustCompile(`(?m)(?:^|[{,])\s*(\w+)\s*(?:,|$|\})`)
	// callerIDRE: the signed-in user's id as code reads it: a user
	// object's id (req.user.id, session.user?.id), a request context's
	// "user.id" entry.
	callerIDRE = regexp.MustCompile(`^(?:[\w$]+(?:\?)?\.)*user\??\.id$|\.get\(\s*['"]user\.id['"]\s*\)$`)
	// localRE: a local given a value (const userId = this.cls.get('user.id')).
	identRE = regexp.MustCompile(`^\w+$`)
	localRE = regexp.MustCompile(`\b(?:const|let|var)\s+(\w+)\s*(?::\s*\w+\s*)?=\s*([^;\n]+)`)
)

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
// fill with the caller's id.
func writtenOwners(f *detector.File) map[string]map[string]bool {
	if lang.Of(f.Path).Family() != lang.JavaScript || !bytes.Contains(f.Data, []byte("create(")) && !bytes.Contains(f.Data, []byte("upsert(")) && !bytes.Contains(f.Data, []byte("update(")) {
		return nil
	}
	var out map[string]map[string]bool
	locals := map[string]bool{}
	for _, m := range localRE.FindAllSubmatch(f.Data, -1) {
		if callerIDRE.Match(bytes.TrimSpace(m[2])) {
			locals[string(m[1])] = true
		}
	}
	for _, m := range prismaWriteRE.FindAllSubmatchIndex(f.Data, -1) {
		end := lang.ClosingBracket(f.Data, m[1]-1)
		if end < 0 {
			continue
		}
		body := string(f.Data[m[1]:end])
		model := code.ModelKey(string(f.Data[m[2]:m[3]]))
		add := func(col string) {
			if out == nil {
				out = map[string]map[string]bool{}
			}
			if out[model] == nil {
				out[model] = map[string]bool{}
			}
			out[model][col] = true
		}
		for _, p := range pairRE.FindAllStringSubmatch(body, -1) {
			if callerID(p[2], locals) {
				add(p[1])
			}
		}
		for _, p := range shorthandRE.FindAllStringSubmatch(body, -1) {
			if callerID(p[1], locals) {
				add(p[1])
			}
		}
	}
	return out
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
