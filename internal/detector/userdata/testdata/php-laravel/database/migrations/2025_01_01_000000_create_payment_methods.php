<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// Lookalike: the ways a payment may be made (cash, cheque, transfer), a
// table of choices, are no one's billing state. A payment is.
// want: asset integrity ledger_payments amount,reference
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('payment_methods', function (Blueprint $table) {
            $table->increments('id');
            $table->string('name');
            $table->string('driver')->nullable();
        });
        Schema::create('ledger_payments', function (Blueprint $table) {
            $table->increments('id');
            $table->decimal('amount');
            $table->string('reference');
        });
    }
};
