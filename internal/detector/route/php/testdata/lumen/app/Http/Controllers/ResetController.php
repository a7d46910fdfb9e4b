<?php

namespace App\Http\Controllers;

use App\Support\Accounts;
use Illuminate\Http\Request;

class ResetController extends Controller
{
    // The path's code is checked against the account's, in a helper.
    public function reset(Request $request, $email, $code)
    {
        $user = User::where('email', $email)->first();
        if (Accounts::codeMatches($email, $code)) {
            $user->password = Hash::make($request->input('password'));
            $user->save();
            return redirect('/login');
        }
        return redirect('/');
    }

    // The path's secret is checked against the note's, here.
    public function shared($note, $secret)
    {
        $n = Note::where('slug', $note)->first();
        $stored = $n->share_secret;
        if ($secret !== $stored) {
            abort(404);
        }
        return $n;
    }

    // Lookalike: the second value picks a format, compared with a literal.
    public function export($email, $format)
    {
        $user = User::where('email', $email)->first();
        if (Accounts::exists($email, $format)) {
            return $user;
        }
        return response('', 404);
    }
}
