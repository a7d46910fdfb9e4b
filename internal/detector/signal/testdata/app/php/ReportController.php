<?php

namespace App\Http\Controllers;

use App\Models\Report;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class ReportController extends Controller
{
    public function search(Request $request)
    {
        $term = $request->input('q');
        $rows = DB::select("SELECT * FROM reports WHERE title LIKE '%$term%'"); // want: weakness sql-injection
        $safe = DB::select('SELECT * FROM reports WHERE title LIKE ?', ['%' . $term . '%']);
        $sorted = Report::query()->orderByRaw('created_at ' . $request->input('dir'))->get(); // want: weakness sql-injection
        $fixed = Report::query()->whereRaw('archived = 0')->get();
        return [$rows, $safe, $sorted, $fixed];
    }

    public function byOwner(Request $request)
    {
        $sql = "SELECT * FROM reports WHERE owner = '{$request->input('owner')}'";
        return DB::select($sql); // want: weakness sql-injection
    }

    public function export(Request $request)
    {
        $name = $request->input('name');
        shell_exec("zip exports/out.zip /data/$name"); // want: weakness command-injection
        exec('ls ' . escapeshellarg($name));
        $cmd = 'tar czf exports/x.tgz ' . $name;
        system($cmd); // want: weakness command-injection
        $db = DB::connection()->getPdo();
        $db->exec('VACUUM');
        return response()->download(storage_path('exports/' . $request->input('file'))); // want: weakness path-traversal
    }

    public function page(Request $request)
    {
        include resource_path('pages/' . $request->input('page') . '.php'); // want: weakness path-traversal
        include resource_path('pages/home.php');
    }

    public function store(Request $request)
    {
        $a = Report::create($request->all()); // want: weakness mass-assignment
        $b = Report::create($request->validated());
        $c = Report::create($request->only(['title', 'body']));
        $a->fill($request->all()); // want: weakness mass-assignment
        // Report::create($request->all());
        $note = "never Report::create(\$request->all())";
        return [$a, $b, $c, $note];
    }

    public function calc(Request $request)
    {
        return eval('return ' . $request->input('expr') . ';'); // want: weakness code-injection
    }
}
