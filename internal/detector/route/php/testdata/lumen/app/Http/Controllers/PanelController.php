<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class PanelController extends Controller
{
    // The signed-in user's own page: every lookup keyed by them.
    public function home(Request $request)
    {
        self::ensureMember();
        $me = session('user_id');
        $notes = Note::where('author', $me)->get();
        return view('panel', ['notes' => $notes]);
    }

    // Lookalike: every user's notes.
    public function everyone()
    {
        self::ensureMember();
        $me = session('user_id');
        return Note::all();
    }

    // Lookalike: whose notes the request says.
    public function byAuthor(Request $request)
    {
        self::ensureMember();
        $me = session('user_id');
        return Note::where('author', $request->input('author'))->get();
    }
}
