package code

import (
	"testing"

	"github.com/threatmap/threatmap/internal/lang"
)

func TestVendor(t *testing.T) {
	for host, want := range map[string]string{
		"api.vendor.io": "vendor.io", "rates.fxfeed.co.uk": "fxfeed.co.uk", "${region}.api.acme.io": "acme.io",
		"localhost": "", "10.0.0.7": "", "api": "", "printer.local": "", "db.internal": "",
		"api.example.com": "", "example.org": "", "svc.example": "", "x.test": "", "[::1]": "",
	} {
		if got := Vendor(host); got != want {
			t.Errorf("Vendor(%q) = %q, want %q", host, got, want)
		}
	}
	// A loopback URL whose port a template fills in (a script sent to a
	// sandbox) names no one; a vendor's host with a port still does.
	for u, want := range map[string]string{
		"http://127.0.0.1:${PORT}/health": "", "http://localhost:${port}/x": "",
		"https://api.vendor.io:${port}/v1": "vendor.io",
	} {
		if got := Vendor(URLHost(u)); got != want {
			t.Errorf("Vendor(URLHost(%q)) = %q, want %q", u, got, want)
		}
	}
}

func TestHostCalls(t *testing.T) {
	tests := []struct {
		l    lang.Lang
		src  string
		want string // the host of the one call found, or "" for none
	}{
		{lang.JavaScript, "fetch(`https://api.a.io/v1/${id}`, {})", "api.a.io"},
		{lang.JavaScript, "const BASE = 'https://api.b.io'\nawait axios.post(`${BASE}/x`, body)", "api.b.io"},
		{lang.JavaScript, "await fetch(`${process.env.API}/x`)", ""},
		{lang.JavaScript, "console.log('https://api.c.io')", ""},
		{lang.JavaScript, "res.redirect('https://api.c.io')", ""},
		{lang.Python, "requests.request('POST', 'https://api.d.io/v1', json={})", "api.d.io"},
		{lang.Python, "BASE = 'https://api.e.io'\nhttpx.get(BASE + '/v1')", "api.e.io"},
		// A PHP class constant handed to a client, settings calls between.
		{lang.PHP, "<?php\nclass Rates {\n  private const RATES_URL = 'https://api.f.io/v2/latest';\n  public function fetch() {\n    return $this->httpClient\n      ->timeout(10)\n      ->get(self::RATES_URL, ['base' => 'EUR']);\n  }\n}\n", "api.f.io"},
		{lang.PHP, "<?php\ndefine('STATUS_URL', 'https://api.g.io/status');\n$r = Http::get(STATUS_URL . '/now');\n$r2 = Http::post(Feed::SOURCE, []);\n", "api.g.io"},
		{lang.PHP, "<?php\nclass Help {\n  private const DOCS_URL = 'https://docs.h.io/start';\n  public function link() { return $this->config->get(self::DOCS_URL); }\n}\n", ""},
		{lang.Python, "requests.get(url)", ""},
		{lang.Python, "resp = safe_request('GET', f'https://api.d2.io/v1/food/{fid}?api_key={KEY}')", "api.d2.io"},
		{lang.Python, "log_request('https://api.d3.io')", ""},
		{lang.Python, "_request('https://api.d4.io')", ""},
		{lang.Python, "base = os.getenv('E4_URL', 'https://api.e4.io')\nurl = f\"{base}/v2/search\"\nawait session.post(url, json={})", "api.e4.io"},
		{lang.Python, "base = os.getenv('E_URL', 'https://api.e2.io')\nrequests.get(f'{base}/v1')", "api.e2.io"},
		{lang.Python, "async def read(api_url: str = 'https://api.e3.io'):\n    await session.post(api_url, json={})", "api.e3.io"},
		{lang.JavaScript, "const { endpoint = 'https://api.b2.io/send' } = options;\nawait fetch(endpoint, {})", "api.b2.io"},
		{lang.JavaScript, "const base = process.env.B3_URL ?? 'https://api.b3.io';\nawait fetch(`${base}/x`)", "api.b3.io"},
		{lang.Go, `http.NewRequestWithContext(ctx, http.MethodGet, "https://api.f.io/v1", nil)`, "api.f.io"},
		{lang.Go, "const base = \"https://api.g.io\"\nhttp.Get(base + \"/x\")", "api.g.io"},
		{lang.Go, `c.Get("https://api.h.io")`, "api.h.io"},
		{lang.Go, "const (\n\tapiBase = \"https://api.j.io/2.0/\"\n)\n\nfunc do(ctx context.Context, method string) {\n\treq, _ := http.NewRequestWithContext(ctx, method, apiBase, nil)\n}", "api.j.io"},
		{lang.Go, "func do(ctx context.Context, method string) {\n\treq, _ := http.NewRequestWithContext(ctx, method, target, nil)\n}", ""},
		{lang.TypeScript, "export function client(key: string, baseUrl = \"https://api.i.io\") {\n  const url = `${baseUrl}${path}`;\n  return fetch(url, {});\n}", "api.i.io"},
	}
	for _, tt := range tests {
		got := HostCalls(tt.l, []byte(tt.src))
		host := ""
		if len(got) > 0 {
			host = got[0].Host
		}
		if len(got) > 1 || host != tt.want {
			t.Errorf("HostCalls(%s) = %+v, want host %q", tt.src, got, tt.want)
		}
	}
}
