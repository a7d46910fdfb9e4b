<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class SavedLogin extends Model
{
    public $timestamps = false;
    protected $fillable = ['site', 'password'];
}
