<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// want: asset user-data notifications data,notifiable_type,read_at,type
// Lookalike: audit marks point at some model by a pair no class or trait
// owns: no one's.
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('notifications', function (Blueprint $table) {
            $table->uuid('id')->primary();
            $table->string('type');
            $table->morphs('notifiable');
            $table->text('data');
            $table->timestamp('read_at')->nullable();
        });
        Schema::create('audit_marks', function (Blueprint $table) {
            $table->increments('id');
            $table->morphs('auditable');
            $table->string('event');
        });
    }
};
