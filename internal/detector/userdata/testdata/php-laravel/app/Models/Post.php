<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Post extends Entity
{
    protected $fillable = ['title', 'slug'];

    public function owner()
    {
        return $this->belongsTo(User::class, 'owned_by');
    }
}
