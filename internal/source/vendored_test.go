package source

import "testing"

func TestIsVendored(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"static/jquery/jquery.js", true},
		{"static/jquery/jquery.slim.js", true},
		{"web/js/jquery-3.7.1.js", true}, // jquery is jquery anywhere
		{"jquery.js", true},
		{"static/bootstrap/js/bootstrap.bundle.js", true},
		{"static/bootstrap/js/bootstrap.js", true},
		{"public/static/angular.js", true},
		{"public/static/angular1.1.1.js", true},
		{"assets/js/moment-with-locales.js", true},
		{"static/js/lodash.core.js", true},
		{"static/js/d3.v7.js", true},
		{"static/js/Chart.js", true},
		{"static/js/highlight.pack.js", true},
		{"static/css/bootstrap.css", true},
		{"public/js/vendor.3f2a.js", true},
		{"public/js/vendors-main.js", true},
		{"static/js/app.bundle.js", true},
		{"wwwroot/lib/react.development.js", true},
		{"static/bootstrap/css/bootstrap.css.map", true},
		{"web/app.js.map", true},
		// The team's own code, even with a library's word in its name.
		{"src/chart.js", false},
		{"resources/js/bootstrap.js", false},
		{"src/components/charts.js", false},
		{"static/js/chartist-setup.py", false},
		{"static/js/app.js", false},
		{"static/js/dashboard-chart.js", false},
		{"public/js/jqueryish.ts", false},
		{"app/static/js/moments.js", false},
		{"plugins/axios.js", false},
		{"static/vendor.json", false},
		{"myjquery.js", false},
		{"src/sitemap.map", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := IsVendored(tt.path); got != tt.want {
				t.Errorf("IsVendored(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}
