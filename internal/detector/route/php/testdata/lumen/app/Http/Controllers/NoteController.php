<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class NoteController extends Controller
{
    public function store(Request $request)
    {
        return Note::create(['body' => $request->input('body')]);
    }

    public function export()
    {
        self::ensureMember();
        return Note::all();
    }

    public function show($id)
    {
        return Note::findOrFail($id);
    }

    public function destroy($id)
    {
        Note::destroy($id);
        return response('', 204);
    }
}
