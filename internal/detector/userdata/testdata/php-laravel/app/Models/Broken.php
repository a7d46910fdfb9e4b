<?php
// want: asset user-data broken email
Schema::create('broken', function (Blueprint $table) {
    $table->string('email'
