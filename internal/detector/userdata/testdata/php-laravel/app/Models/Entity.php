<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

// An abstract base is no table of its own.
abstract class Entity extends Model
{
    public function creator()
    {
        return $this->belongsTo(User::class, 'created_by');
    }
}
