<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

// A catalogue no user owns: the labels it owns are no one's.
class Catalog extends Model
{
    public function labels()
    {
        return $this->morphMany(Label::class, 'labelable');
    }
}
