<?php

namespace App\Http\Controllers;

use App\Actions\CreateAccount;
use App\Models\Account;
use App\Models\Comment;
use App\Models\Note;
use App\Models\Post;
use App\Models\Profile;
use App\Models\Tag;
use App\Repositories\PostRepository;
use Illuminate\Http\Request;

class PostController extends Controller
{
    public function store(Request $request)
    {
        $post = Post::create($request->all()); // want: weakness mass-assignment
        $profile = Profile::create($request->all()); // want: weakness mass-assignment
        $account = Account::create($request->all()); // want: weakness mass-assignment
        $mine = $request->user()->posts()->create($request->all()); // want: weakness mass-assignment
        return [$post, $profile, $account, $mine];
    }

    public function update(Request $request, Post $post)
    {
        $post->update($request->all()); // want: weakness mass-assignment
        return $post;
    }

    // Lookalikes: the app's own classes pick their fields and set the
    // owner; models whose lists leave owner and role out, or that keep
    // every column guarded; the owner set after the input.
    public function storeSafe(Request $request)
    {
        $post = PostRepository::create($request->all());
        $account = (new CreateAccount())->create($request->input());
        $tag = Tag::create($request->all());
        $note = Note::create($request->all());
        $comment = new Comment($request->all());
        $comment->user_id = $request->user()->id;
        $comment->save();
        return [$post, $account, $tag, $note, $comment];
    }

    public function updateTag(Request $request, Tag $tag)
    {
        $tag->update($request->all());
        return $tag;
    }
}
