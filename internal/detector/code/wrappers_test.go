package code

import (
	"fmt"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

func TestFuncs(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		src  string
		want []string // name/param/direct, or name/param->callee/arg
	}{
		{"ts method", lang.TypeScript, `export class ParcelApi {
  private readonly baseUrl = "https://api.parcels.example/v1";
  private async send<T>(url: string, init?: RequestInit): Promise<{ data: T }> {
    const res = await fetch(url, { headers: { Authorization: "Bearer x" } });
    return res.json();
  }
}`, []string{"send/0/direct", "send/0->fetch/0"}},
		{"arrow and one hop", lang.TypeScript, `export const fetchJson = async (input: string, opts = {}) => {
  const target = normalise(input);
  return globalThis.fetch(target, opts);
};
export const getJson = (u: string) => fetchJson(u, {});`, []string{"fetchJson/0/direct", "fetchJson/1->fetch/1", "fetchJson/0->normalise/0", "getJson/0->fetchJson/0"}},
		{"query only", lang.TypeScript, `async function search(query: string) {
  const url = ` + "`https://api.search.example/q?term=${query}`" + `;
  return fetch(url);
}`, nil},
		{"python", lang.Python, `class Client:
    def _request(self, method, url, **kwargs):
        return self.session.request(method, url, **kwargs)

    def get(self, path):
        return self._request("GET", f"{self.base}{path}")
`, []string{"_request/1/direct", "_request/0->request/0", "_request/1->request/1"}},
		{"go chain", lang.Go, `package m

func DoPost(url string, form url.Values) (resp *http.Response, err error) {
	return DoPostWithHeaders(url, form, map[string]string{})
}

func DoPostWithHeaders(urlStr string, form url.Values, headers map[string]string) (resp *http.Response, err error) {
	err = retry("POST "+urlStr, func() error {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, urlStr, nil)
		_ = req
		return err
	})
	return resp, err
}`, []string{"DoPost/0->DoPostWithHeaders/0", "DoPost/1->DoPostWithHeaders/1", "DoPostWithHeaders/0/direct", "DoPostWithHeaders/0->NewRequestWithContext/2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Funcs(tt.l, []byte(tt.src)) {
				if f.Direct {
					got = append(got, fmt.Sprintf("%s/%d/direct", f.Name, f.Param))
				}
				for _, p := range f.Passes {
					got = append(got, fmt.Sprintf("%s/%d->%s/%d", f.Name, f.Param, p.Callee, p.Arg))
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestArgCalls(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		src  string
		want []string // callee/arg/host
	}{
		{"class field", lang.TypeScript, `class A {
  private readonly baseUrl = "https://api.parcels.io/v1";
  #root = "https://eu.parcels.io";
  async list() {
    return this.send<{ data: Parcel[] }>(` + "`${this.baseUrl}/parcels`" + `);
  }
  async one() {
    return this.api
      .send(` + "`${this.#root}/one`" + `, {});
  }
}`, []string{"send/0/api.parcels.io", "send/0/eu.parcels.io"}},
		{"constructor field", lang.TypeScript, `class B {
  constructor() { this.apiUrl = 'https://api.coins.io/v3'; }
  price() { return this.http.get(` + "`${this.apiUrl}/price`" + `); }
}`, []string{"get/0/api.coins.io"}},
		{"returned base", lang.TypeScript, `class E {
  private getUrl({ version }: { version: number | "stable" }) {
    const baseUrl = "https://quotesdata.io";
    return ` + "`${baseUrl}/api/v${version}`" + `;
  }
  quote() { return this.fetchService.fetch(` + "`${this.getUrl({ version: 3 })}/quote`" + `); }
}`, []string{"fetch/0/quotesdata.io"}},
		{"python self", lang.Python, `class C:
    def __init__(self):
        self.base_url = "https://api.rates.io"
    def rates(self):
        return self._request("GET", f"{self.base_url}/latest")
`, []string{"_request/1/api.rates.io"}},
		{"go sprintf", lang.Go, `package m
const apiBase = "https://api.todo.io/v1"
func f() {
	DoGetWithHeaders(fmt.Sprintf("%s/tasks/%s", apiBase, id), h)
	DoPost("https://todo.io/oauth/token", form)
}`, []string{"DoGetWithHeaders/0/api.todo.io", "Sprintf/1/api.todo.io", "DoPost/0/todo.io"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range ArgCalls(tt.l, []byte(tt.src)) {
				got = append(got, fmt.Sprintf("%s/%d/%s", c.Callee, c.Arg, c.Host))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHostCallsClientBase(t *testing.T) {
	src := `const api = axios.create({ baseURL: "https://api.shipping.io/v2", timeout: 5000 });
const other = axios.create({ timeout: 5000 });`
	calls := HostCalls(lang.TypeScript, []byte(src))
	if len(calls) != 1 || calls[0].Host != "api.shipping.io" {
		t.Errorf("got %+v", calls)
	}
	py := `client = httpx.AsyncClient(base_url="https://api.geo.io", timeout=10)`
	if calls := HostCalls(lang.Python, []byte(py)); len(calls) != 1 || calls[0].Host != "api.geo.io" {
		t.Errorf("python: got %+v", calls)
	}
	// A class field joined at a standard client's call.
	field := "class D {\n  private baseUrl = \"https://api.tolls.io/v1\";\n  go() { return fetch(`${this.baseUrl}/x`); }\n}"
	if calls := HostCalls(lang.TypeScript, []byte(field)); len(calls) != 1 || calls[0].Host != "api.tolls.io" {
		t.Errorf("field: got %+v", calls)
	}
}

func TestHostCallsOAuthEndpoints(t *testing.T) {
	src := `export const providers = [{
  oauth: {
    clientId: process.env.BOARDS_CLIENT_ID,
    authorizationUrl: "https://boardsapp.io/oauth/authorize",
    tokenUrl: "https://api.boardsapp.io/oauth/token",
    userInfoUrl: "https://api.boardsapp.io/v2/me",
  },
  docsUrl: "https://docs.lookalike-docs.io",
  issuerTokenUrl: process.env.ISSUER_TOKEN_URL,
}];`
	var got []string
	for _, c := range HostCalls(lang.TypeScript, []byte(src)) {
		got = append(got, c.Host)
	}
	if !slices.Equal(got, []string{"api.boardsapp.io", "api.boardsapp.io"}) {
		t.Errorf("got %q", got)
	}
	goSrc := "package m\n\nvar ep = oauth2.Endpoint{AuthURL: \"https://tasks.io/authorize\", TokenURL: \"https://tasks.io/oauth/token\"}\n"
	if calls := HostCalls(lang.Go, []byte(goSrc)); len(calls) != 1 || calls[0].Host != "tasks.io" {
		t.Errorf("go: got %+v", calls)
	}
}

func TestNextWord(t *testing.T) {
	for _, tc := range []struct {
		s, name string
		dollar  bool
		want    int
	}{
		{"fetch(url, opts)", "url", false, 6},
		{"baseurl + url", "url", false, 10},
		{"this.url, url", "url", false, 10},
		{"$url url", "url", true, 5},
		{"$url", "url", false, 1},
		{"urls", "url", false, -1},
		{"anything", "", false, -1},
	} {
		if got := nextWord(tc.s, tc.name, tc.dollar, 0); got != tc.want {
			t.Errorf("nextWord(%q, %q, %v) = %d, want %d", tc.s, tc.name, tc.dollar, got, tc.want)
		}
	}
}
