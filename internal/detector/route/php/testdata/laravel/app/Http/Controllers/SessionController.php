<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;

class SessionController extends Controller
{
    public function store(Request $request)
    {
        if (! Auth::attempt($request->only('email', 'password'))) {
            abort(401);
        }
        return redirect('/account');
    }

    public function destroy(Request $request)
    {
        Auth::logout();
        return redirect('/');
    }
}
