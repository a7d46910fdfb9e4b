// Package route holds what every framework's route detector shares: path
// joining and normalising, path parameters, tags and the auth guess.
// Each framework lives in its own package below this one.
package route

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// Join composes a mount prefix and a route path the way routers do.
func Join(prefix, p string) string {
	if prefix == "" {
		return Normalize(p)
	}
	if p == "" || p == "/" {
		return Normalize(prefix)
	}
	return Normalize(strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(p, "/"))
}

var slashes = regexp.MustCompile(`/{2,}`)

// Normalize gives a path one leading slash, no doubled slashes and no
// trailing slash (but "/" stays "/").
func Normalize(p string) string {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = slashes.ReplaceAllString(p, "/")
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	return p
}

var (
	colonParam = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?\??`)
	angleParam = regexp.MustCompile(`<(?:([A-Za-z_]+):)?([A-Za-z_][A-Za-z0-9_]*)>`)
	braceParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}`)
	starParam  = regexp.MustCompile(`\*([A-Za-z_][A-Za-z0-9_]*)`)
)

// Braces rewrites :id, <int:id>, {id:[0-9]+} and *rest to {id} / {rest},
// the one parameter syntax threatmap prints. It returns the types the
// syntax itself declares (<int:id> → int).
func Braces(p string) (string, map[string]string) {
	types := map[string]string{}
	p = angleParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := angleParam.FindStringSubmatch(m)
		switch sm[1] {
		case "int":
			types[sm[2]] = facts.TypeInt
		case "uuid":
			types[sm[2]] = facts.TypeUUID
		case "str", "string", "slug", "path":
			types[sm[2]] = facts.TypeString
		}
		return "{" + sm[2] + "}"
	})
	p = braceParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := braceParam.FindStringSubmatch(m)
		if strings.Contains(m, ":int") || strings.Contains(m, "[0-9]") || strings.Contains(m, `\d`) {
			types[sm[1]] = facts.TypeInt
		} else if strings.Contains(m, ":uuid") {
			types[sm[1]] = facts.TypeUUID
		}
		return "{" + sm[1] + "}"
	})
	p = colonParam.ReplaceAllStringFunc(p, func(m string) string {
		sm := colonParam.FindStringSubmatch(m)
		if strings.Contains(sm[2], `\d`) || strings.Contains(sm[2], "0-9") {
			types[sm[1]] = facts.TypeInt
		}
		return "{" + sm[1] + "}"
	})
	p = starParam.ReplaceAllString(p, "{$1}")
	return p, types
}

// Params lists the {name} parameters of a braced path, typed from types
// (missing ones are unknown).
func Params(p string, types map[string]string) []facts.Param {
	var out []facts.Param
	for _, m := range braceParam.FindAllStringSubmatch(p, -1) {
		t := types[m[1]]
		if t == "" {
			t = facts.TypeUnknown
		}
		out = append(out, facts.Param{Name: m[1], In: "path", Type: t})
	}
	return out
}

// keyword lists say what a handler's body does. They are substrings, kept
// short and specific so a handler that merely mentions a word does not
// get a tag.
var (
	uploadWords  = []string{"multer", "busboy", "formidable", "UploadFile", "request.files", "req.file", "req.files", "FormFile", "MultipartForm", "multipart", "upload_fileobj", "put_object", "PutObject", "FileField", "ImageField"}
	llmWords     = []string{"openai", "OpenAI", "anthropic", "Anthropic", "chat.completions", "ChatCompletion", "messages.create", "generateContent", "GenerativeModel", "cohere", "Cohere", "mistral", "Mistral", "replicate", "bedrock", "Bedrock", "langchain", "LangChain", "huggingface", "InferenceClient", "ollama"}
	paymentWords = []string{"stripe", "Stripe", "paddle", "Paddle", "paypal", "PayPal", "lemonsqueezy", "checkout.Session", "PaymentIntent", "paymentIntents", "braintree"}
	webhookWords = []string{"Stripe-Signature", "stripe-signature", "X-Hub-Signature", "x-hub-signature", "X-Slack-Signature", "x-slack-signature", "construct_event", "constructEvent", "ConstructEvent", "webhook"}
	deleteWords  = []string{".delete(", ".destroy(", ".remove(", "DELETE FROM", "delete_one", "delete_many", "deleteOne", "deleteMany", "findByIdAndDelete", "session.delete", "db.delete", ".Delete(", "drop_table", "DROP TABLE", "truncate"}
	authWords    = []string{"login", "signin", "sign-in", "sign_in", "signup", "sign-up", "sign_up", "register", "password", "reset", "forgot", "token", "oauth", "session"}
	adminWords   = []string{"admin", "internal", "debug", "metrics", "actuator", "_debug", "__debug__", "phpmyadmin", "console", "manage", "management", "dashboard", "superuser", "pprof"}
)

// Classify adds the tags a route earns from its method, its path and its
// handler's body. Framework detectors add what only they know (multer in
// the middleware list, Django admin) before or after calling it.
func Classify(r *facts.Route) {
	add := func(tag string) {
		if !slices.Contains(r.Tags, tag) {
			r.Tags = append(r.Tags, tag)
		}
	}
	segs := strings.Split(strings.ToLower(r.Path), "/")
	hasSeg := func(words []string) bool {
		for _, s := range segs {
			if strings.HasPrefix(s, "{") {
				continue // a parameter's name says nothing about the route
			}
			for _, w := range words {
				if s == w || strings.HasPrefix(s, w+"-") || strings.HasPrefix(s, w+"_") || strings.HasSuffix(s, "-"+w) || strings.HasSuffix(s, "_"+w) {
					return true
				}
			}
		}
		return false
	}
	body := r.Body
	mw := strings.Join(r.Middleware, " ")
	if hasSeg([]string{"upload", "uploads", "import", "attachments", "files", "avatar"}) || containsAny(body+" "+mw, uploadWords) {
		if hasSeg([]string{"upload", "uploads"}) || containsAny(body+" "+mw, uploadWords) {
			add(facts.TagUpload)
		}
	}
	if hasSeg([]string{"webhook", "webhooks", "hook", "hooks", "callback", "callbacks"}) || containsAny(body, webhookWords[:len(webhookWords)-1]) {
		add(facts.TagWebhook)
	}
	if hasSeg(adminWords) {
		add(facts.TagAdmin)
	}
	if containsAny(body, llmWords) || hasSeg([]string{"chat", "completion", "completions", "generate", "llm", "ai", "prompt", "ask"}) && containsAny(body, []string{"model", "prompt"}) {
		add(facts.TagLLM)
	}
	if containsAny(body, paymentWords) || hasSeg([]string{"billing", "checkout", "payment", "payments", "subscribe", "subscription", "stripe"}) {
		add(facts.TagPayment)
	}
	if r.Method == "DELETE" || containsAny(body, deleteWords) {
		add(facts.TagDestructive)
	}
	if hasSeg([]string{"graphql", "graphiql", "gql"}) {
		add(facts.TagGraphQL)
	}
	if hasSeg([]string{"ws", "websocket", "socket", "socket.io"}) || containsAny(body+" "+mw, []string{"WebSocket", "websocket", "Upgrader"}) {
		add(facts.TagWebsocket)
	}
	if hasSeg([]string{"static", "assets", "public"}) || containsAny(body+" "+mw, []string{"express.static", "StaticFiles", "http.FileServer", "serveStatic", "send_from_directory"}) {
		add(facts.TagStatic)
	}
	if hasSeg(authWords) {
		add(facts.TagAuth)
	}
	slices.Sort(r.Tags)
}

func containsAny(s string, words []string) bool {
	if s == "" {
		return false
	}
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var authName = regexp.MustCompile(`(?i)(auth|login|logged|session|jwt|passport|bearer|token|current_?user|require_?user|permission|protect|guard|verify|IsAuthenticated|isAdmin|admin_?required|require_?admin|admin_?only|require_?role|has_?role|signed_in|clerk|apikey|api_key)`)

// AuthFrom guesses whether the middleware or guards before a handler
// require a logged-in caller. It returns required with the name that
// says so, or unknown: a route with no such name may still check a
// session inside its body, so "none" is for detectors that know better.
func AuthFrom(guards []string) (auth, evidence string) {
	for _, g := range guards {
		if authName.MatchString(g) && !strings.Contains(strings.ToLower(g), "optional") {
			return facts.AuthRequired, g
		}
	}
	return facts.AuthUnknown, ""
}

var bodyAuth = regexp.MustCompile(`(?i)(current_?user|request\.user|req\.user|ctx\.state\.user|getServerSession|getSession|auth\(\)|verify_?token|jwt\.(verify|decode)|is_authenticated|isAuthenticated|login_required|Authorization|authenticate)`)

// AuthOf decides a route's auth from its guards (middleware, decorators,
// dependencies) and its handler body. complete says the detector saw every
// guard that applies (no app-wide middleware it could not resolve): only
// then does a route with no guard and no check in its body get "none".
func AuthOf(guards []string, body string, complete bool) (auth, evidence string) {
	if a, ev := AuthFrom(guards); a == facts.AuthRequired {
		return a, ev
	}
	if m := bodyAuth.FindString(body); m != "" {
		return facts.AuthRequired, m
	}
	if complete {
		return facts.AuthNone, ""
	}
	return facts.AuthUnknown, ""
}
