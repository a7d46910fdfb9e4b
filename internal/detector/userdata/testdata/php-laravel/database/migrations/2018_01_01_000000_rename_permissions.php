<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::rename('permissions', 'role_permissions');
    }

    public function down(): void
    {
        Schema::rename('role_permissions', 'permissions');
    }
};
