<?php

namespace App\Repositories;

use App\Models\Post;

class PostRepository
{
    public static function create(array $data): Post
    {
        $data['user_id'] = auth()->id();
        return Post::create(['title' => $data['title'], 'body' => $data['body'], 'user_id' => $data['user_id']]);
    }
}
