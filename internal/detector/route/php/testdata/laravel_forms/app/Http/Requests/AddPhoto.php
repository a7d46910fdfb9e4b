<?php

namespace App\Http\Requests;

use Illuminate\Support\Facades\Auth;

class AddPhoto extends BaseRequest
{
    // Lookalike for the owner check: any signed-in caller passes.
    public function authorize()
    {
        return Auth::check() && Auth::user() !== null;
    }
}
