<?php

namespace App\Models;

class Comment extends BaseModel
{
    protected $fillable = ['body', 'user_id'];
}
