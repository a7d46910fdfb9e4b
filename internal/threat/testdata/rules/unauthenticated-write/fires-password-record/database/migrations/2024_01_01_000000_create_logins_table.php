<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('saved_logins', function (Blueprint $table) {
            $table->id();
            $table->string('site');
            $table->string('password');
        });
    }
};
