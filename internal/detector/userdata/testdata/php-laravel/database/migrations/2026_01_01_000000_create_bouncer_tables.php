<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;
use Silber\Bouncer\Database\Models;

// A package names its tables through a call on the literal name
// (Models::table adds a prefix at run time), a migration through a
// property it sets once: both are the tables named.
// want: asset user-data assigned_roles entity_type
// want: asset user-data sign_ins ip_address
// Lookalike: a table per name of a list is built at run time: no table.
return new class extends Migration
{
    private string $signIns = 'sign_ins';

    public function up(): void
    {
        Schema::create(Models::table('assigned_roles'), function (Blueprint $table) {
            $table->bigIncrements('id');
            $table->bigInteger('role_id')->unsigned()->index();
            $table->bigInteger('entity_id')->unsigned();
            $table->string('entity_type');
            $table->foreign('role_id')->references('id')->on(Models::table('roles'))->onDelete('cascade');
        });
        Schema::create($this->signIns, function (Blueprint $table) {
            $table->id();
            $table->foreignId('user_id')->constrained();
            $table->string('ip_address');
        });
        foreach (['drafts', 'trash'] as $name) {
            Schema::create($name, function (Blueprint $table) {
                $table->id();
                $table->foreignId('user_id')->constrained();
                $table->text('body');
            });
        }
    }
};
