<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// want: asset user-data devices push_token
return new class extends Migration
{
    public function up(): void
    {
        Schema::rename('notes', 'notes_by_user');
        Schema::create('drafts', function (Blueprint $table) {
            $table->increments('id');
            $table->foreignId('user_id')->constrained();
            $table->text('body');
        });
        Schema::dropIfExists('drafts');
        Schema::create('devices', function (Blueprint $table) {
            $table->id();
            $table->foreignId('owner_id')->constrained('users')->cascadeOnDelete();
        });
        Schema::table('devices', function (Blueprint $table) {
            $table->string('push_token')->nullable();
        });
    }

    public function down(): void
    {
        Schema::rename('notes_by_user', 'notes');
    }
};
