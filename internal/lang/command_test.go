package lang

import (
	"strings"
	"testing"
)

// A command is found by how it is registered, and only its own lines
// are the operator's: a route handler beside it in the same file, a chat
// bot's .command decorator and a cobra command that starts the server
// stay the app's.
func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		in, out         []string // lines (by their text) inside and outside every span
		how             string
	}{
		{name: "flask blueprint cli group", path: "app/cli.py", src: `import os
import click
from flask import Blueprint, request

bp = Blueprint('cli', __name__, cli_group=None)


@bp.cli.group()
def catalog():
    """Catalogue commands."""


@catalog.command()
@click.argument('name')
def rebuild(name):
    os.system('indexer --rebuild ' + name)


@bp.route('/ping')
def ping():
    os.system('ping -c 1 ' + request.args['host'])
    return 'ok'
`, in: []string{"    os.system('indexer --rebuild ' + name)"}, out: []string{"    os.system('ping -c 1 ' + request.args['host'])"},
			how: "@catalog.command"},
		{name: "app.cli.command with a multi-line signature", path: "tasks.py", src: `import subprocess
from myapp import app

@app.cli.command("export")
def export(
    target,
):
    subprocess.run("tar czf " + target, shell=True)

def helper():
    subprocess.run("du -sh " + helper.dir, shell=True)
`, in: []string{`    subprocess.run("tar czf " + target, shell=True)`}, out: []string{`    subprocess.run("du -sh " + helper.dir, shell=True)`}},
		{name: "add_command and typer", path: "manage_tools.py", src: `import typer, os
from flask import Flask

app = Flask(__name__)
tool = typer.Typer()

def vacuum():
    os.system("vacuumdb " + os.environ["DB"])

app.cli.add_command(vacuum)

@tool.command()
def prune(days: int):
    os.system("find /data -mtime +%d -delete" % days)
`, in: []string{`    os.system("vacuumdb " + os.environ["DB"])`, `    os.system("find /data -mtime +%d -delete" % days)`}},
		{name: "a chat bot's command decorator is not a shell's", path: "bot.py", src: `import os
bot = Bot(prefix="!")

@bot.command()
async def ping(ctx, host):
    os.system("ping -c 1 " + host)
`, out: []string{`    os.system("ping -c 1 " + host)`}},
		{name: "django command class", path: "shop/jobs.py", src: `import os
from django.core.management.base import BaseCommand

class Command(BaseCommand):
    def handle(self, *args, **opts):
        os.system("pg_dump " + opts["db"])

def view(request):
    os.system("echo " + request.GET["x"])
`, in: []string{`        os.system("pg_dump " + opts["db"])`}, out: []string{`    os.system("echo " + request.GET["x"])`}},
		{name: "laravel artisan class", path: "app/Console/Commands/Prune.php", src: `<?php
namespace App\Console\Commands;

use Illuminate\Console\Command;

class Prune extends Command
{
    protected $signature = 'media:prune {dir}';

    public function handle(): void
    {
        shell_exec('rm -rf ' . $this->argument('dir'));
    }
}
`, in: []string{`        shell_exec('rm -rf ' . $this->argument('dir'));`}, how: "extends Command"},
		{name: "artisan closure beside a route", path: "routes/console.php", src: `<?php
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Route;

Artisan::command('cache:warm {host}', function (string $host) {
    exec('curl ' . $host);
});

Route::get('/warm', function () {
    exec('curl ' . request('host'));
});
`, in: []string{`    exec('curl ' . $host);`}, out: []string{`    exec('curl ' . request('host'));`}},
		{name: "symfony console command", path: "src/Command/ImportCommand.php", src: `<?php
namespace App\Command;

use Symfony\Component\Console\Command\Command;

final class ImportCommand extends Command
{
    protected function execute(InputInterface $input, OutputInterface $output): int
    {
        passthru('import.sh ' . $input->getArgument('file'));
        return Command::SUCCESS;
    }
}
`, in: []string{`        passthru('import.sh ' . $input->getArgument('file'));`}},
		{name: "a PHP class named *Command of no console", path: "src/Bus/PayCommand.php", src: `<?php
namespace App\Bus;

class PayCommand extends BaseCommand
{
    public function run($req) { exec('pay ' . $req->amount); }
}
`, out: []string{`    public function run($req) { exec('pay ' . $req->amount); }`}},
		{name: "spring runner's run method, not the controller method", path: "src/main/java/a/Tools.java", src: `package a;

@RestController
public class Tools implements CommandLineRunner {
    @GetMapping("/ping")
    public String ping(@RequestParam String host) throws Exception {
        Runtime.getRuntime().exec("ping " + host);
        return "ok";
    }

    @Override
    public void run(String... args) throws Exception {
        Runtime.getRuntime().exec("reindex " + args[0]);
    }
}
`, in: []string{`        Runtime.getRuntime().exec("reindex " + args[0]);`}, out: []string{`        Runtime.getRuntime().exec("ping " + host);`}},
		{name: "cobra commands but the server's own", path: "cmd/root.go", src: `package cmd

var backupCmd = &cobra.Command{
	Use:   "backup",
	Short: "copy the data folder",
	RunE:  runBackup,
}

func runBackup(cmd *cobra.Command, args []string) error {
	return exec.Command("sh", "-c", "tar czf "+args[0]+" /data").Run()
}

var serveCmd = &cobra.Command{
	Use: "serve",
	Run: func(cmd *cobra.Command, args []string) {
		exec.Command("sh", "-c", "echo "+os.Getenv("HOOK")).Run()
		http.ListenAndServe(":8080", nil)
	},
}
`, in: []string{`	return exec.Command("sh", "-c", "tar czf "+args[0]+" /data").Run()`}, out: []string{`		exec.Command("sh", "-c", "echo "+os.Getenv("HOOK")).Run()`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := Commands(tc.path, []byte(tc.src))
			lines := strings.Split(tc.src, "\n")
			lineOf := func(text string) int {
				for i, l := range lines {
					if l == text {
						return i + 1
					}
				}
				t.Fatalf("no line %q", text)
				return 0
			}
			for _, l := range tc.in {
				s, ok := SpanAt(spans, lineOf(l))
				if !ok {
					t.Errorf("%q is in no command; spans %+v", l, spans)
					continue
				}
				if tc.how != "" && s.How != tc.how {
					t.Errorf("%q: registered with %q, want %q", l, s.How, tc.how)
				}
				if r := s.Role().Reason(); !strings.Contains(r, "in a CLI command") || !strings.HasSuffix(r, ": needs shell access to the server") {
					t.Errorf("reason %q", r)
				}
			}
			for _, l := range tc.out {
				if s, ok := SpanAt(spans, lineOf(l)); ok {
					t.Errorf("%q is in a command (%+v); it is the app's", l, s)
				}
			}
		})
	}
}

// A rake task runs from a shell: its file is an operator's script.
func TestRakeTask(t *testing.T) {
	r := RoleOf("lib/tasks/cleanup.rake")
	if r.Kind != Script || r.Reason() != "in a rake task (a .rake file): needs shell access to the server" {
		t.Errorf("role %v, reason %q", r.Kind, r.Reason())
	}
	if r := RoleOf("lib/cleanup.rb"); r.Kind != App {
		t.Errorf("lib/cleanup.rb: %v", r.Kind)
	}
}
