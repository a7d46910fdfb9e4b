<?php
namespace Notes;

// A class file: its request read runs only when the class is used.
class Mailer
{
    public function from(): string
    {
        return $_POST['from'] ?? 'noreply@example.com';
    }
}
