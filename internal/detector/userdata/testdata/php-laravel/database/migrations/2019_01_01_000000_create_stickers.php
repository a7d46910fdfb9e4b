<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// A sticker points at some entity by a polymorphic pair; the entity classes
// own stickers (morphMany on their base class), and a post is its owner's:
// so is the post's sticker. A label of a catalogue no one owns is no one's.
// A grant keyed to a role (a group users join, only called something) is
// the role's access to the post, no part of the post: no one's.
// want: asset user-data stickers entity_type,order,value
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('stickers', function (Blueprint $table) {
            $table->increments('id');
            $table->morphs('entity');
            $table->string('value');
            $table->integer('order');
        });
        Schema::create('entity_grants', function (Blueprint $table) {
            $table->morphs('entity');
            $table->integer('role_id')->unsigned();
            $table->boolean('view');
            $table->foreign('role_id')->references('id')->on('roles');
        });
        Schema::create('catalogs', function (Blueprint $table) {
            $table->increments('id');
            $table->string('title');
        });
        Schema::create('labels', function (Blueprint $table) {
            $table->increments('id');
            $table->morphs('labelable');
            $table->string('color');
        });
    }
};
