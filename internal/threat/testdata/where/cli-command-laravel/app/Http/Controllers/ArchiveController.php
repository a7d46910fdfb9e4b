<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class ArchiveController extends Controller
{
    public function check(Request $request)
    {
        return shell_exec('tar tzf archives/' . $request->input('name') . '.tgz');
    }
}
