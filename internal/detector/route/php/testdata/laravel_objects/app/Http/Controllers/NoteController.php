<?php

namespace App\Http\Controllers;

class NoteController extends Controller
{
    public function update(Request $request, Note $note)
    {
        $this->authorize('update', $note);
        $note->update($request->validated());
    }

    public function destroy(Note $note)
    {
        if ($note->user_id !== auth()->id()) {
            abort(403);
        }
        $note->delete();
    }

    // Lookalike: a policy asked about the class, not a record.
    public function store(Request $request)
    {
        $this->authorize('create', Note::class);
        return Note::create($request->validated());
    }

    // Lookalike: the record compared with nothing of the caller's.
    public function show(Note $note)
    {
        if ($note->status === 'draft') {
            abort(404);
        }
        return $note;
    }

    public function profile(Profile $profile)
    {
        abort_if($profile->user_id !== auth()->id(), 403);
        return $profile;
    }
}
