<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class ContactController extends Controller
{
    public function handle(Request $request)
    {
        $note = "Use [Authorize] or \$this->authorize() in controllers";
        return view('contact', ['note' => $note]);
    }
}
