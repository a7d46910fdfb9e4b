<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('visit_counts', function (Blueprint $table) {
            $table->dropColumn(['user_id']);
        });
        Schema::table('revisions', function (Blueprint $table) {
            $table->renameColumn('user_id', 'writer_id');
        });
    }

    public function down(): void
    {
        Schema::table('visit_counts', function (Blueprint $table) {
            $table->unsignedInteger('user_id');
        });
        Schema::table('revisions', function (Blueprint $table) {
            $table->renameColumn('writer_id', 'user_id');
        });
    }
};
