<?php

namespace App\Http\Controllers;

use Laravel\Lumen\Routing\Controller as BaseController;

class Controller extends BaseController
{
    protected static function ensureMember()
    {
        if (!session('user_id')) {
            abort (401, 'Sign in first.');
        }
    }
}
