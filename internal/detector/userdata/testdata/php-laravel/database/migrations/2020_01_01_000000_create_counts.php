<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// A later migration drops visit_counts' user key: the counts are no
// one's (its down() adds the key back, which is no schema of the app's).
// revisions' key is renamed, not dropped: still the user's.
// want: asset user-data revisions revision
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('visit_counts', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('user_id');
            $table->integer('hits');
        });
        Schema::create('revisions', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('user_id');
            $table->integer('revision');
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('revisions');
        Schema::dropIfExists('visit_counts');
    }
};
