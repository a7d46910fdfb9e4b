<?php

namespace App\Http\Controllers;

use App\Models\Member;
use Illuminate\Http\Request;

class MemberController extends Controller
{
    // The member is selected by the caller's login and password and the
    // path's id together: only the caller's own row is found, and a miss
    // is refused.
    public function show(Request $request, $id)
    {
        if (!$request->hasHeader('X-Login') || !$request->hasHeader('X-Password')) {
            return response('sign in', 401);
        }
        $found = Member::where('login', $request->header('X-Login'))
            ->where('password', $request->header('X-Password'))
            ->where('id', $id)
            ->count();
        if ($found == 0) {
            return response('not yours', 403);
        }
        return Member::find($id);
    }
}
