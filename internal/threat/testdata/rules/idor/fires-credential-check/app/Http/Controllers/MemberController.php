<?php

namespace App\Http\Controllers;

use App\Models\Member;
use Illuminate\Http\Request;

class MemberController extends Controller
{
    // The caller's login and password are checked, then any member is
    // read by the path's id: another member's phone and address.
    public function show(Request $request, $id)
    {
        if (!$request->hasHeader('X-Login') || !$request->hasHeader('X-Password')) {
            return response('sign in', 401);
        }
        $found = Member::where('login', $request->header('X-Login'))
            ->where('password', $request->header('X-Password'))
            ->count();
        if ($found == 0) {
            return response('sign in', 401);
        }
        return Member::find($id);
    }
}
