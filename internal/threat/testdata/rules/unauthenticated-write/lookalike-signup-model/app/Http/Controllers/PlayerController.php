<?php

namespace App\Http\Controllers;

use App\Models\Player;
use Illuminate\Http\Request;

class PlayerController extends Controller
{
    // Joining: a player record is what the login below compares, so
    // creating one is making an account, open to all by design.
    public function join(Request $request)
    {
        return Player::create($request->all());
    }

    public function login(Request $request)
    {
        $player = Player::where('nick', $request->input('nick'))
            ->where('password', $request->input('password'))
            ->first();
        if (!$player) {
            return response('no', 401);
        }
        return $player;
    }
}
