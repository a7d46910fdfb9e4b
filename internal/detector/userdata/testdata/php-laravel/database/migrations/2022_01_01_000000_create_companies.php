<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// A company its staff join through company_user (keys that go with either
// side, though their columns may be empty), set up by an owner the company
// stands without (owner_id may be empty): the company is the owner's, but
// its units and settings are the company's, no person's.
// want: asset user-data companies name
// want: asset user-data company_user role
// A workspace whose owner it goes with (cascade) is the owner's, and so
// are its boards.
// want: asset user-data workspace_user joined_at
// want: asset user-data workspaces title
// want: asset user-data boards caption
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('companies', function (Blueprint $table) {
            $table->increments('id');
            $table->string('name');
            $table->unsignedInteger('owner_id')->nullable();
            $table->foreign('owner_id')->references('id')->on('users');
        });
        Schema::create('company_user', function (Blueprint $table) {
            $table->increments('id');
            $table->unsignedInteger('user_id')->nullable();
            $table->foreign('user_id')->references('id')->on('users')->onDelete('cascade');
            $table->unsignedInteger('company_id')->nullable();
            $table->foreign('company_id')->references('id')->on('companies')->onDelete('cascade');
            $table->string('role')->nullable();
            $table->timestamps();
        });
        Schema::create('units', function (Blueprint $table) {
            $table->increments('id');
            $table->string('label');
            $table->foreignId('company_id')->constrained();
        });
        Schema::create('company_settings', function (Blueprint $table) {
            $table->increments('id');
            $table->string('option');
            $table->string('value');
            $table->unsignedInteger('company_id');
            $table->foreign('company_id')->references('id')->on('companies');
        });
        Schema::create('workspaces', function (Blueprint $table) {
            $table->increments('id');
            $table->string('title');
            $table->foreignId('owner_id')->nullable()->constrained('users')->cascadeOnDelete();
        });
        Schema::create('workspace_user', function (Blueprint $table) {
            $table->foreignId('user_id')->constrained()->cascadeOnDelete();
            $table->foreignId('workspace_id')->constrained()->cascadeOnDelete();
            $table->timestamp('joined_at');
        });
        Schema::create('boards', function (Blueprint $table) {
            $table->increments('id');
            $table->string('caption');
            $table->foreignId('workspace_id')->constrained();
        });
    }
};
