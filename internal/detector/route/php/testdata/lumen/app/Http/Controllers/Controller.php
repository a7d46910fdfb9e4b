<?php

namespace App\Http\Controllers;

use Laravel\Lumen\Routing\Controller as BaseController;

class Controller extends BaseController
{
    protected function isSignedIn()
    {
        return session('user_id') !== null;
    }

    protected function betaOn()
    {
        return env('BETA') == 'on';
    }

    protected static function hasAdminRole()
    {
        $role = session('role');
        return $role == 'admin';
    }

    protected static function ensureAdmin()
    {
        if (!self::hasAdminRole()) {
            abort(401, 'Admins only.');
        }
    }

    protected static function ensureMember()
    {
        if (!session('user_id')) {
            abort (401, 'Sign in first.');
        }
    }
}
