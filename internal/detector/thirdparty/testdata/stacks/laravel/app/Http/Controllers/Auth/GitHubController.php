<?php

namespace App\Http\Controllers\Auth;

use Laravel\Socialite\Facades\Socialite;

final class GitHubController
{
    public function redirect()
    {
        return Socialite::driver('github')->redirect(); // want: third-party github
    }

    public function other()
    {
        // A provider no catalogue entry names is the operator's.
        return Socialite::driver('acme-sso')->redirect();
    }
}
