<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

// An abstract base is no table of its own. Its stickers are polymorphic
// rows (entity_type, entity_id) every entity class owns.
abstract class Entity extends Model
{
    public function tags()
    {
        return $this->morphMany(Sticker::class, 'entity')->orderBy('order');
    }

    public function grants()
    {
        return $this->morphMany(EntityGrant::class, 'entity');
    }

    public function creator()
    {
        return $this->belongsTo(User::class, 'created_by');
    }
}
