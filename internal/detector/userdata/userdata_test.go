package userdata

import (
	"context"
	"github.com/threatmap/threatmap/internal/detector/code"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/paritytest"
	"github.com/threatmap/threatmap/internal/syntax"
)

// The fixtures under testdata/<ecosystem> state the assets they hold,
// one per model, with its fields sorted as the scan sorts them:
//
//	# want: asset user-data MODEL field1,field2
//	# want: asset integrity MODEL field1,field2
//
// Lookalikes carry no want: request bodies and pydantic schemas with an
// e-mail and a password, a model in a test, in Markdown and commented
// out, models with nothing personal. Each tree has a broken file.
func TestFixtures(t *testing.T) {
	for _, eco := range []string{"python", "js", "go", "js-drizzle", "js-groups", "prisma-token", "prisma-members", "js-owners", "python-owners", "go-scan", "go-callers", "php-callers", "js-idp-owners", "js-idp-lookalike", "go-migrate", "go-sqlprefix", "sql-tenant-flag", "sql-public-handles", "sql-handle-accounts", "sql-weak-owners", "rails", "rails-public-ids", "rails-stale", "rails-sqlformat", "rails-polymorphic", "rails-mongoid", "rails-migrations", "rails-migrations-schema", "csharp", "sql-named-keys", "php-laravel", "sql-person-table", "sql-two-people", "sql-credential-stores", "python-settings"} {
		t.Run(eco, func(t *testing.T) {
			dir := filepath.Join("testdata", eco)
			res := detectortest.Scan(t, dir, New())
			var got []string
			for _, a := range res.Assets {
				name := strings.TrimSuffix(strings.TrimPrefix(a.Name, "Subscription / billing state ("), ")")
				if len(a.Evidence) == 0 {
					t.Errorf("%s has no evidence", a.Name)
				}
				got = append(got, a.Kind+" "+name+" "+strings.Join(a.Fields, ","))
			}
			detectortest.Check(t, eco, got, detectortest.Wants(t, dir, "asset "))
		})
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]string{
		"email": KindUserData, "EmailAddress": KindUserData, "email_verified": "", "emailVerifiedAt": "",
		"password_hash": KindUserData, "hashedPassword": KindUserData, "pw_hash": KindUserData, "pass": KindUserData, "pass_changed": "", "bypass": "",
		"phone_number": KindUserData, "ip_address": KindUserData, "date_of_birth": KindUserData, "dob": KindUserData,
		"ssn": KindUserData, "national_id": KindUserData, "tax_id": KindUserData, "iban": KindUserData, "card_last4": KindUserData,
		"api_key": KindUserData, "apiKey": KindUserData, "refresh_token": KindUserData, "token_count": "",
		"prompt": KindUserData, "messages": KindUserData, "content": KindUserData, "content_type": "",
		"file_path": KindUserData, "s3_key": KindUserData, "attachment": KindUserData, "file_size": "", "document_id": "",
		"first_name": KindUserData, "name": "", "title": "", "id": "", "created_at": "",
		"plan": KindIntegrity, "credits": KindIntegrity, "is_premium": KindIntegrity, "subscription_status": KindIntegrity,
		"balance": KindIntegrity, "stripe_customer_id": KindUserData, "key": "", "monkey": "",
		"is_email_auth_allowed": "", "has_phone": "", "email_required": "", "can_email": "", "session_key": "", "session_data_id": "", "sessionData": "", "session_timeout": "", "json": "",
		"confirmHex": KindUserData, "reset_code": KindUserData, "unsubscribeSecretHex": KindUserData, "resetCount": "", "commentHex": "", "colorHex": "", "confirmed": "",
	}
	for field, want := range tests {
		if got := Classify(field); got != want {
			t.Errorf("Classify(%q) = %q, want %q", field, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"passwordHash": "password hash", "PasswordHash": "password hash", "password_hash": "password hash",
		"HTTPServerURL": "http server url", "cardLast4": "card last4", "s3_key": "s3 key", "": "",
	} {
		if got := strings.Join(code.Words(in), " "); got != want {
			t.Errorf("code.Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzModels(f *testing.F) {
	f.Add("a.prisma", []byte("model User {\n email String\n}\n"))
	f.Add("a.sql", []byte("CREATE TABLE t (a int, b text, PRIMARY KEY (a));"))
	f.Add("a.py", []byte("class U(Base):\n    email = Column(String)\n"))
	f.Add("a.go", []byte("type U struct {\n\tEmail string `gorm:\"x\"`\n"))
	f.Add("a.ts", []byte("@Entity()\nclass A {\n @Column() email: string\n}\nconst s = new Schema({a: 1, 'b': {c: 2}})\nsequelize.define('X', {y: DataTypes.STRING})"))
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		for _, m := range Models(context.Background(), p, data) {
			if m.Line < 1 {
				t.Fatalf("bad model %+v", m)
			}
		}
	})
}

func TestFieldClass(t *testing.T) {
	tests := []struct {
		model string
		field Field
		want  Class
	}{
		{"User", Field{"email", "String"}, Contact},
		{"User", Field{"email", "Boolean"}, ""},                   // a flag
		{"Prefs", Field{"phone", "bool default 'f'"}, ""},         // a flag
		{"Session", Field{"client", "inet"}, Location},            // the type says it
		{"User", Field{"lastIp", "IsIP Column STRING"}, Location}, // its validator says it
		{"User", Field{"login", "STRING isEmail"}, Contact},
		{"FileItem", Field{"tokens", "INT"}, ""},               // a count
		{"MailSetting", Field{"sesEmailRateLimit", "Int"}, ""}, // a limit: no address is a number
		{"Contact", Field{"phone_number", "BIGINT"}, Contact},  // lookalike: a phone kept as a number
		{"User", Field{"password_changed", "timestamptz"}, ""},
		{"User", Field{"date_of_birth", "DATE"}, Identity},
		{"User", Field{"is_premium", "boolean"}, Billing},
		{"Patient", Field{"diagnosis", "text"}, Health},
		{"Profile", Field{"bank_account", "text"}, Financial},
		{"Thread", Field{"message", "text"}, FreeText},
		{"Attachment", Field{"key", "string"}, File}, // named by its role: the model says what it holds
		{"Comment", Field{"data", "jsonb"}, FreeText},
		{"ApiKey", Field{"value", "string"}, AuthSecret},
		{"Setting", Field{"value", "string"}, ""},
		{"Attachment", Field{"key", "boolean"}, ""},
		{"Subscription", Field{"data", "jsonb"}, ""},
		{"VerificationToken", Field{"value", "string"}, AuthSecret},
		{"TokenBucket", Field{"value", "CharField"}, ""}, // a rate limiter's key: its head noun is bucket
	}
	for _, tt := range tests {
		if got := FieldClass(tt.model, tt.field); got != tt.want {
			t.Errorf("FieldClass(%s, %+v) = %q, want %q", tt.model, tt.field, got, tt.want)
		}
	}
}

// TestModelsShareTree: the models of a JavaScript or TypeScript file are
// read from the tree the other detectors parsed (File.Tree), not from a
// parse of their own; a second parse of every JS file cost a tenth of a
// scan of a JavaScript-heavy tree.
func TestModelsShareTree(t *testing.T) {
	ctx := context.Background()
	for p, src := range map[string]string{
		"models/user.ts": "@Entity()\nclass User {\n @Column() email: string\n}\n",
		"models/user.js": "const s = new Schema({ email: String })\nsequelize.define('X', {y: DataTypes.STRING})\n",
	} {
		f := &detector.File{Path: p, Data: []byte(src)}
		if _, err := f.Tree(ctx, lang.Of(p)); err != nil {
			t.Fatal(err)
		}
		n := syntax.Parses()
		ms := FileModels(ctx, f)
		if len(ms) == 0 {
			t.Errorf("%s: no models", p)
		}
		if got := syntax.Parses() - n; got != 0 {
			t.Errorf("%s: parsed %d more times after File.Tree", p, got)
		}
		f.Release()
	}
}

// A model that is user data by a relation names the relation as its
// reason: the model referenced and where.
func TestOwners(t *testing.T) {
	res := detectortest.Scan(t, filepath.Join("testdata", "python"), New())
	want := map[string]string{
		"Car":      "User garage/models.py:14",
		"Repair":   "Car garage/models.py:21",
		"Purchase": "User garage/models.py:30",
		"Basket":   "customer_account shop/tables.py:20",
		"Reading":  "customer_account shop/tables.py:42",
		"Visit":    "Customer shop/visits.py:7",
		// an abstract base's owner is its subclass's; a polymorphic
		// subclass's reference is its parent table's
		"Bookmark": "User library/models.py:9",
		"Entry":    "users library/entries.py:16",
		// a membership table belongs to its user
		"Membership": "users contest.py:40",
		"Rating":     "users contest.py:56",
		// billing state that belongs to a user is theirs too
		"Subscription": "Account accounts/models.py:19",
		// a base class's in another file: its key, where it is declared
		"Quest":    "Adventurer guild/quests.py:9",
		"SweepRun": "Adventurer guild/quests.py:31",
	}
	for _, a := range res.Assets {
		w, ok := want[a.Name]
		if !ok {
			if a.Owner != nil {
				t.Errorf("%s: owner %+v, want none (its fields make it user data)", a.Name, *a.Owner)
			}
			continue
		}
		delete(want, a.Name)
		if a.Owner == nil {
			t.Errorf("%s: no owner, want %s", a.Name, w)
			continue
		}
		if got := a.Owner.Model + " " + strings.TrimPrefix(a.Owner.File, "app/") + ":" + strconv.Itoa(a.Owner.Line); got != w {
			t.Errorf("%s: owner %s, want %s", a.Name, got, w)
		}
	}
	for m := range want {
		t.Errorf("%s: not found", m)
	}
}

// TestJSModelWordsReference: the word gate before the tree walks keeps
// every model the walks find (fixtures, and THREATMAP_PARITY_ROOT).
func TestJSModelWordsReference(t *testing.T) {
	ctx := context.Background()
	paritytest.Files(t, []string{"testdata", "../../../examples", "../../flow/testdata"}, func(p string, data []byte) {
		if lang.Of(p).Family() != lang.JavaScript {
			return
		}
		f := &detector.File{Path: p, Data: data}
		defer f.Release()
		want := jsModelsOf(ctx, f)
		if !mayHoldJSModel(data) && len(want) > 0 {
			t.Errorf("%s: the word gate drops %d models", p, len(want))
		}
	})
	// A file without the words is not parsed.
	f := &detector.File{Path: "src/price.js", Data: []byte("export async function list(id) {\n  const { rows } = await pool.query('SELECT id FROM orders WHERE owner_id = $1', [id])\n  return rows\n}\n")}
	n := syntax.Parses()
	if ms := FileModels(ctx, f); len(ms) > 0 || syntax.Parses() != n {
		t.Errorf("a file without model words: %v, %d parses", ms, syntax.Parses()-n)
	}
	if !spacedFold([]byte("insert\tINTO"), "into") || spacedFold([]byte("int o"), "into") || spacedFold([]byte("stable"), "table") {
		t.Error("spacedFold")
	}
}

// TestScannedTables: a Go struct whose tagged columns are all one
// declared table's is that table (a model-table signal folds it); a
// projection holding columns no table has alone is not. An FTS copy of
// some of a table's columns is folded into it.
func TestScannedTables(t *testing.T) {
	for dir, want := range map[string][]string{
		"go-scan":   {"sign_in_providers ProviderConfig"},
		"js-owners": {"notes note_search"},
	} {
		res := detectortest.Scan(t, filepath.Join("testdata", dir), New())
		var got []string
		for _, sg := range res.Signals {
			if sg.Kind == "model-table" {
				got = append(got, sg.Detail)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: model-table signals %q, want %q", dir, got, want)
		}
	}
}

// A Mongoid document's belongs_to is its owner, as a schema's key is;
// a document with no reference to a person is no user's (a shared one).
func TestMongoidOwners(t *testing.T) {
	res := detectortest.Scan(t, filepath.Join("testdata", "rails-mongoid"), New())
	owners := map[string]string{}
	for _, a := range res.Assets {
		if a.Owner != nil {
			owners[a.Name] = a.Owner.Model
		}
	}
	if owners["Reminder"] != "member" {
		t.Errorf("Reminder: owner %q, want member (its belongs_to)", owners["Reminder"])
	}
	if _, ok := owners["Member"]; ok {
		t.Errorf("Member: owned, want none (it is the person)")
	}
}
