<?php

use PHPUnit\Framework\TestCase;

// A test's calls are no product's.
class CatalogTest extends TestCase
{
    public function testRates(): void
    {
        file_get_contents('https://api.php-only-in-tests.io/v1');
    }
}
