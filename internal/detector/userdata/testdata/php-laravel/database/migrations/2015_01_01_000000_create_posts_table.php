<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// want: asset user-data posts created_by,owned_by,slug,title
// want: asset user-data notes_by_user pinned
// want: asset user-data reviews stars
return new class extends Migration
{
    public function up(): void
    {
        // Owned through the model's belongsTo(User::class, 'owned_by').
        Schema::create('posts', function (Blueprint $table) {
            $table->increments('id');
            $table->string('title');
            $table->string('slug');
            $table->integer('created_by');
            $table->integer('owned_by');
        });
        // Owned by the convention: user_id holds a users row's id.
        Schema::create('notes', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('user_id');
            $table->boolean('pinned');
        });
        // Owned by a declared key on a column not named for its table.
        Schema::create('reviews', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('author');
            $table->tinyInteger('stars');
            $table->foreign('author')->references('id')->on('users')->onDelete('cascade');
        });
        // A column that names no table read: no key.
        Schema::create('counters', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('widget_id');
            $table->integer('hits');
        });
        // Polymorphic to some model: the pair alone says not which.
        Schema::create('tags', function (Blueprint $table) {
            $table->increments('id');
            $table->morphs('taggable');
            $table->string('label');
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('posts');
        Schema::dropIfExists('notes');
        Schema::dropIfExists('reviews');
        Schema::dropIfExists('counters');
        Schema::dropIfExists('tags');
    }
};
