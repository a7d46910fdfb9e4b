// Package userdata finds the user data a product keeps: ORM models and
// table definitions (Prisma, SQLAlchemy, SQLModel, Django, GORM, TypeORM,
// Sequelize, Mongoose, SQL migrations) with fields that hold personal
// data (e-mail, password hashes, phone, address, payment data, tokens,
// prompts and messages, uploaded files). Each such model is a user-data
// asset; a model that holds billing state (plan, credits, subscription)
// is an integrity asset. Models with neither are not assets.
package userdata

import (
	"context"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// Detector is the user-data detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "asset/user-data" }

// Match implements detector.Detector: schema files, SQL and non-test code.
func (*Detector) Match(p string) bool {
	switch l := lang.Of(p); l {
	case lang.Prisma, lang.SQL:
		return true
	default:
		return code.Reads(l) && !lang.IsTest(p)
	}
}

// Keywords implements detector.Keyworded: what every model definition
// this package reads contains.
func (*Detector) Keywords() []string {
	return []string{"model ", "Column", "column", "Field", "Model", "gorm", `db:"`, `bun:"`, "@Entity", "define(", ".init(", "Schema", "CREATE TABLE", "create table", "Create Table", "Mapped[", "table=True", "collection(", "Collection(", "createTable(", "ALTER TABLE", "alter table", "INSERT INTO", "insert into", "Insert Into"}
}

// Detect implements detector.Detector.
func (*Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	for _, m := range FileModels(ctx, f) {
		var personal, billingState []string
		classes := map[string]string{}
		for _, field := range m.Fields {
			c := FieldClass(m.Name, field)
			switch KindOf(c) {
			case KindUserData:
				personal = append(personal, field.Name)
			case KindIntegrity:
				billingState = append(billingState, field.Name)
			}
			if c != "" {
				classes[field.Name] = string(c)
			}
		}
		if len(billingState) == 0 && billingModel(m.Name, m.Fields) {
			for _, field := range m.Fields {
				if FieldClass(m.Name, field) == "" && !strings.EqualFold(field.Name, "id") {
					billingState = append(billingState, field.Name)
				}
			}
		}
		ev := []facts.Evidence{{File: f.Path, Line: m.Line}}
		if len(personal) > 0 {
			out.AddAsset(facts.Asset{Kind: KindUserData, Name: m.Name, Fields: personal, Classes: only(classes, personal), Evidence: ev})
		}
		if len(billingState) > 0 {
			out.AddAsset(facts.Asset{Kind: KindIntegrity, Name: BillingName(m.Name), Fields: billingState, Classes: only(classes, billingState), Evidence: ev})
		}
	}
	return nil
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
	p, data := f.Path, f.Data
	l := lang.Of(p)
	switch l.Family() {
	case lang.Prisma:
		return prismaModels(lang.StripComments(l, data))
	case lang.SQL:
		return sqlModels(data)
	case lang.Python:
		stripped := lang.StripComments(l, data)
		return append(pythonModels(stripped), pythonSQL(data, stripped, appCode(p))...)
	case lang.Go:
		return goModels(lang.StripComments(l, data), appCode(p))
	case lang.JavaScript:
		return jsModels(ctx, f)
	}
	return nil
}

// appCode: the columns an INSERT writes count only in the product's own
// code; a migration's or seed script's INSERTs are data for tables
// declared beside them.
func appCode(p string) bool { return lang.RoleOf(p).Kind != lang.Migration }
