<?php

namespace App\Http\Controllers;

use App\Models\Post;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class PostController extends Controller
{
    public function index()
    {
        return Post::latest()->paginate();
    }

    public function store(Request $request)
    {
        return Post::create($request->all());
    }

    public function show(Post $post)
    {
        return $post;
    }

    public function update(Request $request, Post $post)
    {
        $this->authorize('update', $post);
        $post->update($request->only(['title', 'body']));
        return $post;
    }

    public function destroy(Post $post)
    {
        // $this->authorize('delete', $post);
        $post->delete();
        return response()->noContent();
    }

    public function feed(Request $request)
    {
        return DB::select("select * from posts where tag = '" . $request->input('tag') . "'");
    }

    public function note($id)
    {
        return Post::find($id);
    }

    public function publish(Request $request, $id)
    {
        abort_unless($request->user() && $request->user()->can('publish'), 403);
        return Post::findOrFail($id)->publish();
    }

    public function flag($id)
    {
        return Post::findOrFail($id)->flag();
    }
}
