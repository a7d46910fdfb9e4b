<?php

namespace App\Http\Controllers\Api;

use App\Term;
use App\Http\Controllers\Controller;
use Illuminate\Http\Request;

class GlossaryController extends Controller
{
    public function __construct()
    {
        $this->middleware('locale', ['except' => ['index']]);
        $this->middleware('locale')->only('suggest');
    }

    public function index()
    {
        return Term::orderBy('word')->get();
    }

    public function suggest(Request $request)
    {
        return Term::create($request->only(['word', 'meaning']));
    }

    protected function refuse($why, $status)
    {
        return response()->json(['message' => $why], $status);
    }
}
