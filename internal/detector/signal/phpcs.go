package signal

import (
	"regexp"

	"github.com/threatmap/threatmap/internal/lang"
)

// PHP and C# request data, and text built around a value.
const (
	// fromRequestPHP is a superglobal or Laravel's and Symfony's request
	// accessors.
	fromRequestPHP = `\$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER)\b|\$request->(?:input|get|query|post|all|cookie|header|route)\(|\$request->(?:request|query|attributes|cookies)->get\(|\brequest\(\)->(?:input|get|query|all)\(`
	// builtPHP is a double-quoted string interpolating a variable, or
	// literal text joined to a variable with the dot operator.
	builtPHP = `"(?:[^"\n\\]|\\.)*(?:\$\w|\{\$)|["'][^"'\n]*["']\s*\.\s*\$`
	// fromRequestCS is ASP.NET Core's request: query, form, route values.
	fromRequestCS = `\b(?:Request\.(?:Query|Form|Headers|Cookies|RouteValues)\[|Request\.(?:Query|Form)\.TryGetValue\()`
	// builtCS is an interpolated string with a hole, literal text joined
	// to a name with +, or string.Format / String.Concat.
	builtCS = `\$@?"(?:[^"\n\\]|\\.)*\{[^}\n]+\}|@?"[^"\n]*"\s*\+\s*[\w(]|\b[Ss]tring\.(?:Format|Concat)\(`
)

// detailMassPHP is the PHP mass-assignment weakness's detail.
const detailMassPHP = "a request's whole input written into a model"

var (
	php    = []lang.Lang{lang.PHP}
	csharp = []lang.Lang{lang.CSharp}
)

// serverPatterns are the weaknesses of PHP and C# server code: SQL and
// shell commands built from values, code evaluated from the request,
// request data as a path to include or read, a request's whole input
// written into a model.
var serverPatterns = []Pattern{
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: php,
		Origins: true, Keywords: []string{"Raw(", "DB::", "query(", "exec(", "_query("},
		Re: regexp.MustCompile(`(?:\bDB::(?:select|selectOne|statement|insert|update|delete|unprepared|raw)|->(?:whereRaw|orWhereRaw|selectRaw|orderByRaw|havingRaw|groupByRaw|fromRaw))\(\s*(?:` + builtPHP + `|[^)\n]*(?:` + fromRequestPHP + `))|` +
			`(?i)(?:->(?:query|exec|prepare)|\bmysqli_query\(\s*\$\w+\s*,|\bmysql_query|\bpg_query\(\s*\$\w+\s*,)\(?\s*(?:"(?:select|insert|update|delete)\b[^"\n]*(?:\$\w|\{\$)|["'](?:select|insert|update|delete)\b[^"'\n]*["']\s*\.\s*\$)`)},
	// One local hop: $sql = "SELECT ... $id"; DB::select($sql).
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: php,
		Origins: true, Keywords: sqlKeywords,
		Re:       regexp.MustCompile(`(?:\bDB::(?:select|selectOne|statement|unprepared)|->(?:whereRaw|query|exec))\(\s*\$(\w+)\s*[,)]`),
		Assigned: regexp.MustCompile(`(?i)^(?:"(?:select|insert|update|delete)\b[^"\n]*(?:\$\w|\{\$)|["'](?:select|insert|update|delete)\b[^"'\n]*["']\s*\.\s*\$)`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: php,
		Origins: true, Keywords: []string{"exec(", "system(", "passthru(", "popen(", "proc_open(", "fromShellCommandline("},
		Re: regexp.MustCompile(`(?:^|[^>:\w$])(?:shell_exec|exec|system|passthru|popen|proc_open)\(\s*(?:` + builtPHP + `|[^)\n]*(?:` + fromRequestPHP + `))|\bProcess::fromShellCommandline\(\s*(?:` + builtPHP + `)`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: php,
		Origins: true, Keywords: []string{"exec(", "system(", "passthru(", "popen("},
		Re:       regexp.MustCompile(`(?:^|[^>:\w$])(?:shell_exec|exec|system|passthru|popen)\(\s*\$(\w+)\s*[,)]`),
		Assigned: regexp.MustCompile(`^(?:` + builtPHP + `)|` + fromRequestPHP)},
	{Weakness: "code-injection", Detail: "request data evaluated as code (eval, exec, new Function)", Langs: php,
		Keywords: []string{"eval(", "assert(", "create_function("},
		Re:       regexp.MustCompile(`(?:^|[^>:\w$])(?:eval|assert|create_function)\(\s*[^;\n]*(?:` + fromRequestPHP + `)`)},
	{Weakness: "path-traversal", Detail: "a file included or read at a path taken from the request", Langs: php,
		Keywords: []string{"include", "require", "readfile", "file_get_contents", "fopen", "download("},
		Re:       regexp.MustCompile(`\b(?:include|include_once|require|require_once)\b\s*\(?[^;\n]*(?:` + fromRequestPHP + `)|\b(?:readfile|file_get_contents|fopen|unlink|file)\(\s*[^;\n]*(?:` + fromRequestPHP + `)|->download\(\s*[^;\n]*(?:` + fromRequestPHP + `)`)},
	// What takes the input is judged once every class is known (phpmodel.go).
	{Weakness: "mass-assignment", Detail: detailMassPHP, Langs: php,
		Keywords: []string{"->all()", "->input()", "request()->all()"},
		Re:       regexp.MustCompile(`(?:::(?:create|forceCreate|firstOrCreate|updateOrCreate|make)|->(?:fill|forceFill|update|create))\(\s*(?:\$request->(?:all|input)\(\)|request\(\)->all\(\)|\$_POST\b)\s*\)|\bnew\s+[A-Z]\w*\(\s*(?:\$request->all\(\)|\$_POST)\s*\)`)},

	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: csharp,
		Keywords: []string{"FromSqlRaw", "ExecuteSqlRaw", "SqlCommand", "CommandText", "SqlQueryRaw", "Query<", "Query(", "Execute("},
		Re:       regexp.MustCompile(`\b(?:FromSqlRaw|ExecuteSqlRaw|ExecuteSqlRawAsync|SqlQueryRaw)\(\s*(?:` + builtCS + `)|\bnew\s+(?:Sql|Npgsql|MySql|Sqlite)Command\(\s*(?:` + builtCS + `)|\bCommandText\s*=\s*(?:` + builtCS + `)|\.(?:Query|QueryAsync|QueryFirst\w*|Execute|ExecuteAsync)(?:<[^>\n]*>)?\(\s*(?:\$@?"(?i:select|insert|update|delete)\b[^"\n]*\{|"(?i:select|insert|update|delete)\b[^"\n]*"\s*\+)`)},
	{Weakness: "sql-injection", Detail: "SQL built from strings with request data", Langs: csharp,
		Keywords: []string{"FromSqlRaw", "ExecuteSqlRaw", "SqlCommand", "CommandText"},
		Re:       regexp.MustCompile(`\b(?:FromSqlRaw|ExecuteSqlRaw|ExecuteSqlRawAsync|SqlQueryRaw)\(\s*(\w+)\s*[,)]|\bnew\s+(?:Sql|Npgsql|MySql|Sqlite)Command\(\s*(\w+)\s*[,)]|\bCommandText\s*=\s*(\w+)\s*;`),
		Assigned: regexp.MustCompile(`(?i)^(?:\$@?"(?:select|insert|update|delete)\b[^"\n]*\{|@?"(?:select|insert|update|delete)\b[^"\n]*"\s*\+|string\.Format\(\s*"(?:select|insert|update|delete)\b)`)},
	{Weakness: "command-injection", Detail: "a shell command built from request data or string formatting", Langs: csharp,
		Keywords: []string{"Process.Start", "FileName", "Arguments"},
		Re:       regexp.MustCompile(`\bProcess\.Start\(\s*"(?:cmd(?:\.exe)?|/bin/(?:ba)?sh|(?:ba)?sh|powershell(?:\.exe)?)"\s*,\s*(?:` + builtCS + `|[^)\n]*` + fromRequestCS + `)|\bArguments\s*=\s*(?:\$@?"[^"\n]*(?:/c|-c)\s[^"\n]*\{|"(?:/c|-c)\s[^"\n]*"\s*\+)`)},
}
