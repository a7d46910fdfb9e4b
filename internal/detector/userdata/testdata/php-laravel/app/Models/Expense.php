<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

// The class of the expenses table (a plural in -ses whose singular ends
// in -se): one model, not a second row named Expense.
class Expense extends Model
{
    public function spender()
    {
        return $this->belongsTo(User::class, 'spent_by');
    }
}
