<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class DashboardController extends Controller
{
    public function show()
    {
        if (!$this->isSignedIn()) {
            return redirect(route('login'));
        }
        return view('dashboard');
    }

    // The sign-in test applies only when a setting is on: open by default.
    public function share()
    {
        if (env('SHARE_NEEDS_LOGIN') && !$this->isSignedIn()) {
            return redirect(route('login'));
        }
        return view('share');
    }

    public function beta()
    {
        if (!$this->betaOn()) {
            return redirect('/');
        }
        return view('beta');
    }

    public function purge()
    {
        self::ensureAdmin();
        Note::truncate();
        return 'OK';
    }

    public function rename(Request $request)
    {
        $note = Note::find($request->input('id'));
        if ($note->author != session('user_id') && !self::hasAdminRole()) {
            abort(403);
        }
        $note->title = $request->input('title');
        $note->save();
        return 'OK';
    }
}
