<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\Schema;

// Lookalike: a password column, and an account whose password the
// environment gives.
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('users', function (Blueprint $table) {
            $table->string('password')->default('');
        });
        DB::table('users')->insert(['name' => 'Owner', 'password' => Hash::make(env('OWNER_PASSWORD'))]);
    }
};
