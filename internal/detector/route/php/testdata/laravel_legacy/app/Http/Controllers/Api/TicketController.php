<?php

namespace App\Http\Controllers\Api;

use App\Ticket;
use App\Http\Controllers\Controller;
use Illuminate\Http\Request;

class TicketController extends Controller
{
    public function __construct()
    {
        $this->middleware('auth.jwt')->except(['index', 'show']);
        $this->middleware('auth.jwt:soft')->only(['index', 'show']);
    }

    public function index()
    {
        return Ticket::all();
    }

    public function show(Ticket $ticket)
    {
        return $ticket;
    }

    public function store(Request $request)
    {
        return Ticket::create($request->only(['title', 'body']));
    }

    public function destroy(Ticket $ticket)
    {
        $ticket->delete();
        return response()->json(null, 204);
    }
}
