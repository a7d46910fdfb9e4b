<?php

namespace App\Http\Controllers;

use App\Models\SavedLogin;
use Illuminate\Http\Request;

class SavedLoginController extends Controller
{
    // A record that holds a password, but no login compares it: storing
    // one is a write anyone may make, not an account.
    public function store(Request $request)
    {
        return SavedLogin::create($request->all());
    }

    public function show($id)
    {
        return SavedLogin::where('id', $id)->first();
    }
}
