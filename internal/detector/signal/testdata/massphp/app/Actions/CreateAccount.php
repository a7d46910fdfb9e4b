<?php

namespace App\Actions;

use App\Models\Account;

class CreateAccount
{
    public function create(array $input): Account
    {
        return Account::create(['name' => $input['name'], 'email' => $input['email']]);
    }
}
