<?php
namespace App;

class App
{
    public function run(string $route): void
    {
        echo htmlspecialchars($route);
    }
}
