<?php

namespace Tests\Unit;

class GenerateKeysTest extends TestCase
{
    public function test_prints_keys(): void
    {
        $output = $this->runCommand('keys:generate');
        $this->assertStringContainsString('PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\n', $output);
        $this->assertStringContainsString('PUBLIC_KEY="-----BEGIN PUBLIC KEY-----\n', $output);
    }
}
