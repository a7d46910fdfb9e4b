<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// A role people join is their group, though it has a display name: it
// names the group, no person, and what belongs to the role (its grants)
// is no one's data; nor is a permission roles are granted through a
// pivot, though it has a display name too (and a later migration renames
// its table: the pivot's key follows it). A speaker joined to talks is
// a person called by a display name: talks are no group users join.
// want: asset user-data role_user pinned
// want: asset user-data speakers display_name
// want: asset user-data speaker_talk position
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('roles', function (Blueprint $table) {
            $table->increments('id');
            $table->string('name')->unique();
            $table->string('display_name')->nullable();
        });
        Schema::create('role_user', function (Blueprint $table) {
            $table->integer('user_id')->unsigned();
            $table->integer('role_id')->unsigned();
            $table->boolean('pinned');
            $table->foreign('user_id')->references('id')->on('users')->onDelete('cascade');
            $table->foreign('role_id')->references('id')->on('roles')->onDelete('cascade');
        });
        Schema::create('permissions', function (Blueprint $table) {
            $table->increments('id');
            $table->string('name')->unique();
            $table->string('display_name')->nullable();
        });
        Schema::create('permission_role', function (Blueprint $table) {
            $table->integer('permission_id')->unsigned();
            $table->integer('role_id')->unsigned();
            $table->foreign('permission_id')->references('id')->on('permissions')->onDelete('cascade');
            $table->foreign('role_id')->references('id')->on('roles')->onDelete('cascade');
            $table->primary(['permission_id', 'role_id']);
        });
        Schema::create('talks', function (Blueprint $table) {
            $table->increments('id');
            $table->string('slot');
        });
        Schema::create('speakers', function (Blueprint $table) {
            $table->increments('id');
            $table->string('display_name');
        });
        Schema::create('speaker_talk', function (Blueprint $table) {
            $table->integer('speaker_id')->unsigned();
            $table->integer('talk_id')->unsigned();
            $table->integer('position');
            $table->foreign('speaker_id')->references('id')->on('speakers');
            $table->foreign('talk_id')->references('id')->on('talks');
        });
        Schema::create('role_grants', function (Blueprint $table) {
            $table->increments('id');
            $table->integer('role_id')->unsigned();
            $table->string('action');
            $table->foreign('role_id')->references('id')->on('roles');
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('role_grants');
        Schema::dropIfExists('role_user');
        Schema::dropIfExists('roles');
    }
};
