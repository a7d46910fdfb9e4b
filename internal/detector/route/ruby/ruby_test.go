package ruby

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

func scan(t *testing.T, app string) facts.Facts {
	t.Helper()
	return detectortest.Scan(t, filepath.Join("testdata", app), New())
}

// TestFixtures scores each fixture app's routes against its inline wants.
func TestFixtures(t *testing.T) {
	for _, app := range []string{"rails", "sinatra", "grape"} {
		t.Run(app, func(t *testing.T) {
			f := scan(t, app)
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			detectortest.Check(t, app, got, detectortest.Wants(t, filepath.Join("testdata", app), ""))
		})
	}
}

// TestRouteDetails pins where each route's handler is and what decides
// its auth: guards read by what their code does, lookalikes that reject
// no one.
func TestRouteDetails(t *testing.T) {
	tests := []struct {
		app, method, path string
		file              string
		line              int
		handler           string
		auth, role        string
		evidence          string // a substring of the evidence
	}{
		// A before_action from ApplicationController that sets the
		// locale rejects no one.
		{"rails", "GET", "/", "app/controllers/pages_controller.rb", 2, "PagesController#home", "none", "", ""},
		// devise_for's controllers: option: the app's own controller
		// extends the gem's, whose filters are known.
		{"rails", "POST", "/staff/login", "app/controllers/admins/sessions_controller.rb", 2, "Admins::SessionsController#create", "none", "", ""},
		{"rails", "PATCH", "/staff/account", "config/routes.rb", 7, "devise/registrations#update", "required", "", "authenticate_scope!"},
		// Devise's helper, not in the tree, rejects by the library's
		// definition; except: lets index through.
		{"rails", "GET", "/projects/{id}", "app/controllers/projects_controller.rb", 12, "ProjectsController#show", "required", "", "Devise's authenticate_user!"},
		{"rails", "GET", "/projects", "app/controllers/projects_controller.rb", 4, "ProjectsController#index", "none", "", ""},
		// A concern's included before_action, its method redirecting to
		// the login page unless a user is signed in.
		{"rails", "GET", "/account", "app/controllers/accounts_controller.rb", 4, "AccountsController#show", "required", "", "require_login (defined app/controllers/concerns/authentication.rb:10"},
		// skip_before_action only: lets the sign-in page through.
		{"rails", "GET", "/login", "app/controllers/sessions_controller.rb", 5, "SessionsController#new", "none", "", ""},
		// Inherited from Admin::BaseController: a 403 unless the caller
		// is an admin.
		{"rails", "DELETE", "/admin/users/{id}", "app/controllers/admin/users_controller.rb", 6, "Admin::UsersController#destroy", "required", "admin", "redirects to login"},
		{"rails", "GET", "/admin/stats", "app/controllers/admin/dashboard_controller.rb", 3, "Admin::DashboardController#stats", "required", "admin", ""},
		// Inherited from Portal::BaseController, one of two filters
		// named on one line: a redirect (to the front page, not a login
		// page) taken when no member is signed in.
		{"rails", "GET", "/portal/invoices", "app/controllers/portal/invoices_controller.rb", 3, "Portal::InvoicesController#index", "required", "", "redirects a caller who is not signed in"},
		// Lookalike: the inherited redirect is taken when a member IS
		// signed in.
		{"rails", "GET", "/kiosk/screen", "app/controllers/kiosk/screens_controller.rb", 3, "Kiosk::ScreensController#show", "none", "", ""},
		// Lookalikes: a filter that loads a record, one named authorize_*
		// that only logs.
		{"rails", "GET", "/reports/{id}", "app/controllers/reports_controller.rb", 7, "ReportsController#show", "none", "", ""},
		// A token checked only when one is sent guards nothing.
		{"rails", "GET", "/feeds", "app/controllers/feeds_controller.rb", 6, "FeedsController#index", "none", "", ""},
		{"rails", "GET", "/v1/tokens/{id}", "app/controllers/api/tokens_controller.rb", 5, "Api::TokensController#show", "required", "", "check_token (defined app/controllers/api/tokens_controller.rb:11, applied app/controllers/api/tokens_controller.rb:3): responds 401"},
		// routes.rb's authenticate block guards a mounted app.
		{"rails", "ANY", "/sidekiq", "config/routes.rb", 46, "Sidekiq::Web", "required", "", "authenticate :user"},
		// An implicit action (a template only): the route's own line.
		{"rails", "GET", "/users/sign_in", "config/routes.rb", 4, "devise/sessions#new", "none", "", ""},
		{"rails", "POST", "/hooks/{provider}", "app/controllers/hooks_controller.rb", 4, "HooksController#receive", "none", "", ""},
		// Sinatra: a handler calling a helper that halts 401, a before
		// filter on a pattern, and a Rack middleware the app uses.
		{"sinatra", "GET", "/notes/{id}", "app.rb", 36, "GET /notes/:id", "required", "", "calls protected! (app.rb:14), which responds 401"},
		{"sinatra", "GET", "/admin/stats", "app.rb", 51, "GET /admin/stats", "required", "", "before block (defined app.rb:9"},
		{"sinatra", "GET", "/public/{id}", "app.rb", 41, "GET /public/:id", "none", "", ""},
		{"sinatra", "GET", "/api/ping", "app.rb", 56, "GET /api/ping", "none", "", ""},
		{"sinatra", "GET", "/status", "lib/api.rb", 8, "GET /status", "required", "", "Rack::Auth::Basic responds 401"},
		// Grape: an API mounted by Rails and mounting another under a
		// namespace; the mounted one's before block calls a helper that
		// answers error!(..., 401).
		{"grape", "DELETE", "/api/v1/admin/orders/{id}", "app/api/shop/orders.rb", 23, "DELETE /api/v1/admin/orders/:id", "required", "", "before block (defined app/api/shop/orders.rb:14"},
		{"grape", "GET", "/api/v1/items/{id}", "app/api/shop/api.rb", 15, "GET /api/v1/items/:id", "none", "", ""},
	}
	scans := map[string]facts.Facts{}
	for _, tt := range tests {
		f, ok := scans[tt.app]
		if !ok {
			f = scan(t, tt.app)
			scans[tt.app] = f
		}
		var r *facts.Route
		for i := range f.Surfaces {
			if f.Surfaces[i].Method == tt.method && f.Surfaces[i].Path == tt.path {
				r = &f.Surfaces[i]
			}
		}
		if r == nil {
			t.Errorf("%s: no route %s %s", tt.app, tt.method, tt.path)
			continue
		}
		if r.File != tt.file || r.Line != tt.line || r.Handler != tt.handler {
			t.Errorf("%s %s: at %s:%d handler %q, want %s:%d %q", tt.method, tt.path, r.File, r.Line, r.Handler, tt.file, tt.line, tt.handler)
		}
		if r.Auth != tt.auth || r.AuthRole != tt.role || !strings.Contains(r.AuthEvidence, tt.evidence) {
			t.Errorf("%s %s: auth %s role %q (%s), want %s role %q with %q", tt.method, tt.path, r.Auth, r.AuthRole, r.AuthEvidence, tt.auth, tt.role, tt.evidence)
		}
	}
}

// TestRejects: what Ruby code does to a caller decides, never a name.
func TestRejects(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"head 401", "head :unauthorized unless current_user", "responds 401"},
		{"render status", `render json: {}, status: 401 unless token_ok?`, "responds 401"},
		{"sinatra halt", `halt 401, "no" unless session[:uid]`, "responds 401"},
		{"devise helper", "authenticate_admin!", "calls authenticate_admin!, which rejects a caller it does not authenticate or authorize"},
		{"warden", "warden.authenticate!(scope: :user)", "calls warden.authenticate!, which rejects a caller it does not authenticate or authorize"},
		{"pundit", "authorize @post", "calls authorize @p, which rejects a caller it does not authenticate or authorize"},
		{"access error", "raise AccessDenied unless current_user.admin?", "raises an access error"},
		{"redirect login", "redirect_to new_user_session_path unless user_signed_in?", "redirects to login"},
		{"403 on the caller", "head :forbidden unless current_user&.admin?", "responds 403"},
		{"redirect anywhere when signed out", "path = root_url\nredirect_to path and reset_session if !current_user", "redirects a caller who is not signed in"},
		{"redirect unless signed in", "redirect_to root_path unless logged_in?", "redirects a caller who is not signed in"},
		{"redirect in a block", "if session[:user_id].nil?\n  redirect_to '/'\nend", "redirects a caller who is not signed in"},
		{"redirect in an unless block", "unless current_account\n  flash[:error] = 'no'\n  redirect_to root_path\nend", "redirects a caller who is not signed in"},
		{"400 unless signed in, in a block", "if @user\n  true\nelse\n  render plain: \"not logged in\", status: 400\n  false\nend", "answers a client error to a caller not signed in"},
		{"head 404 when nobody is signed in", "unless current_user.present?\n  head :not_found\nend", "answers a client error to a caller not signed in"},
		// Lookalikes.
		{"400 on the caller's attribute", "if @user.banned?\n  render plain: \"banned\", status: 400\nend", ""},
		{"400 on a missing parameter", "unless params[:id]\n  render json: {}, status: 400\nend", ""},
		{"bounce a signed-in caller off the login page", "redirect_to dashboard_path if current_user", ""},
		{"redirect a signed-in caller in a block", "if logged_in?\n  redirect_to home_path\nend", ""},
		{"sets a locale", "I18n.locale = params[:locale] || I18n.default_locale", ""},
		{"loads a record", "@post = Post.find(params[:id])", ""},
		{"only logs", `Rails.logger.info("viewer #{current_user&.id}")`, ""},
		{"403 on a feature flag", "head :forbidden unless Feature.enabled?(:beta)", ""},
		{"redirect home after sign-up", "redirect_to root_path", ""},
		{"authorize_ method name", "authorize_viewer_log", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rubyRejects(tt.src)
			if tt.name == "pundit" {
				if !strings.HasPrefix(got, "calls authorize") {
					t.Errorf("rubyRejects(%q) = %q", tt.src, got)
				}
				return
			}
			if got != tt.want {
				t.Errorf("rubyRejects(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct{ fn, in, want string }{
		{"camelize", "admin/user_reports", "Admin::UserReports"},
		{"singularize", "categories", "category"},
		{"singularize", "addresses", "address"},
		{"singularize", "posts", "post"},
		{"pluralize", "account", "accounts"},
		{"pluralize", "company", "companies"},
		{"strip", "report(/:section)/rss", "report/rss"},
		{"strip", "feed(.:format)", "feed"},
	} {
		var got string
		switch tt.fn {
		case "camelize":
			got = camelize(tt.in)
		case "singularize":
			got = singularize(tt.in)
		case "pluralize":
			got = pluralize(tt.in)
		case "strip":
			got = stripOptional(tt.in)
		}
		if got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.fn, tt.in, got, tt.want)
		}
	}
}

// FuzzDetect feeds arbitrary routes.rb and app source through both
// phases: no input may panic, hang or produce a path without a leading
// slash.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"Rails.application.routes.draw do\n  resources :a, only: [:show] do\n    member { post :b }\n    resources :c\n  end\nend\n",
		"Rails.application.routes.draw do\n  namespace :x, path: '' do\n    get '(/:l)/y(.:f)' => 'z#w'\n  end\n  scope ':id' do root 'a#b' end\nend\n",
		"Rails.application.routes.draw do\n  concern :c do resources :d end\n  resources :e, concerns: :c\n  draw :f\n  mount E::Engine, at: ''\nend\n",
		"E::Engine.routes.draw do get '#{x}' => 'a#b' end\n",
		"require 'sinatra'\nbefore '/a/*' do halt 401 end\nget '/a/:b' do end\nnamespace '/n' do get '' do end end\n",
		"class A < B\n  before_action :x, only: []\n  skip_before_action :x\n  def x; head :unauthorized; end\nend\nclass B < A; end\n",
		"Rails.application.routes.draw do\n  %w[a b].each do |v|\n    get \"r/#{v}\", to: 'm#p'\n  end\nend\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := New()
		sink := detector.NewSink()
		ctx := context.Background()
		for _, p := range []string{"config/routes.rb", "config/routes/f.rb", "app/controllers/a_controller.rb"} {
			if err := d.Detect(ctx, &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Finish(ctx, sink); err != nil {
			t.Fatal(err)
		}
		for _, r := range sink.Result().Surfaces {
			if !strings.HasPrefix(r.Path, "/") {
				t.Errorf("path %q has no leading slash", r.Path)
			}
		}
	})
}

// TestOptionalGuard: a check taken only when the request sends a
// credential lets the others through; one that rejects a missing one
// does not.
func TestOptionalGuard(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"  if request.headers['Authorization'].present?\n    authenticate_or_request_with_http_token { |t| t == KEY }\n  end\nend", true},
		{"  return unless params[:token]\n  head :unauthorized unless params[:token] == KEY\nend", true},
		{"  if request.headers['Authorization'].present?\n    check\n  else\n    head :unauthorized\n  end\nend", false},
		{"  head :unauthorized unless request.headers['Authorization'].present?\nend", false},
		{"  return if request.headers['X-Key'].blank?\n  verify\nend", true},
	} {
		if got := optionalGuard(tt.src); got != tt.want {
			t.Errorf("optionalGuard(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestDeviseFlows: the Devise library's own credential actions are
// auth routes (sign-in, sign-out, password reset), with no handler in
// the tree to read.
func TestDeviseFlows(t *testing.T) {
	f := scan(t, "rails")
	want := map[string]bool{
		"POST /users/sign_in": true, "DELETE /users/sign_out": true, "POST /users/password": true, "PATCH /users/password": true,
	}
	seen := 0
	for _, r := range f.Surfaces {
		w, ok := want[r.Method+" "+r.Path]
		if !ok {
			continue
		}
		seen++
		if got := slices.Contains(r.Tags, facts.TagAuth); got != w {
			t.Errorf("%s %s: tagged auth %v, want %v (tags %v)", r.Method, r.Path, got, w, r.Tags)
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of %d routes", seen, len(want))
	}
}
