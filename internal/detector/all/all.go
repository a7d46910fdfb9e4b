// Package all is the one explicit list of detectors. Adding a detector
// touches its own package and one line here.
package all

import (
	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/credential"
	"github.com/threatmap/threatmap/internal/detector/exit"
	"github.com/threatmap/threatmap/internal/detector/helpers"
	"github.com/threatmap/threatmap/internal/detector/iac"
	"github.com/threatmap/threatmap/internal/detector/pipeline"
	"github.com/threatmap/threatmap/internal/detector/response"
	"github.com/threatmap/threatmap/internal/detector/roles"
	csroute "github.com/threatmap/threatmap/internal/detector/route/csharp"
	goroute "github.com/threatmap/threatmap/internal/detector/route/golang"
	"github.com/threatmap/threatmap/internal/detector/route/graphql"
	jsroute "github.com/threatmap/threatmap/internal/detector/route/js"
	"github.com/threatmap/threatmap/internal/detector/route/jvm"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	phproute "github.com/threatmap/threatmap/internal/detector/route/php"
	pyroute "github.com/threatmap/threatmap/internal/detector/route/python"
	rbroute "github.com/threatmap/threatmap/internal/detector/route/ruby"
	"github.com/threatmap/threatmap/internal/detector/route/websocket"
	"github.com/threatmap/threatmap/internal/detector/secret"
	"github.com/threatmap/threatmap/internal/detector/signal"
	"github.com/threatmap/threatmap/internal/detector/store"
	"github.com/threatmap/threatmap/internal/detector/thirdparty"
	"github.com/threatmap/threatmap/internal/detector/userdata"
	"github.com/threatmap/threatmap/internal/flow"
	csflow "github.com/threatmap/threatmap/internal/flow/csharp"
	goflow "github.com/threatmap/threatmap/internal/flow/golang"
	javaflow "github.com/threatmap/threatmap/internal/flow/java"
	pyflow "github.com/threatmap/threatmap/internal/flow/python"
)

// New returns a fresh instance of every detector, for one scan.
func New() []detector.Detector {
	calls := signal.NewCalls()
	return []detector.Detector{
		// routes
		openapi.New(),
		goroute.New(),
		pyroute.New(),
		jsroute.New(),
		jsroute.NewNext(),
		rbroute.New(),
		jvm.New(),
		phproute.New(),
		csroute.New(),
		graphql.New(),
		websocket.New(),
		// assets, third parties, stores, credentials, exits
		thirdparty.New(),
		credential.New(),
		userdata.New(),
		store.New(),
		exit.New(),
		// secrets
		secret.New(),
		// weaknesses and controls in code
		signal.New().Following(calls),
		calls,
		response.New(),
		helpers.New(),
		// request data followed from routes to sinks (after the route
		// detectors: their Finish reads the routes). JavaScript, Python
		// and Java first: they hold every lowered function from the walk
		// and free them when their Finish ends, while Go's Finish does
		// its lowering then; in the other order Go's Finish ran with
		// both still live, near the soft memory limit, mostly collecting.
		flow.NewJSDetector(),
		pyflow.New(),
		javaflow.New(),
		csflow.New(),
		goflow.New(),
		// infrastructure and pipeline
		iac.NewTerraform(),
		iac.NewKubernetes(),
		iac.NewCompose(),
		iac.NewObjectACL(),
		pipeline.NewCI(),
		pipeline.NewLockfiles(),
		// where code runs, as the tree decides it
		roles.New(),
	}
}
