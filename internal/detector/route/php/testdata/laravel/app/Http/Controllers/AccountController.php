<?php

namespace App\Http\Controllers;

use App\Models\User;
use Illuminate\Http\Request;

class AccountController extends Controller
{
    public function __construct()
    {
        $this->middleware('auth')->except(['publicProfile']);
    }

    public function show(Request $request)
    {
        return view('account', ['user' => $request->user()]);
    }

    public function updatePassword(Request $request)
    {
        $request->user()->update($request->validated());
        return back();
    }

    public function publicProfile(int $user)
    {
        return User::findOrFail($user);
    }

    public function destroy(Request $request)
    {
        $request->user()->delete();
        return redirect('/');
    }
}
