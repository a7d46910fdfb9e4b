<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Member extends Model
{
    protected $fillable = ['login', 'password', 'phone', 'address'];
    protected $hidden = ['password'];
}
