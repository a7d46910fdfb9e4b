<?php

namespace App\Entity;

class Member
{
    // The role a manager holds: the constant's value, not its name, is
    // what the voter is asked about.
    final public const MANAGER = 'ROLE_MANAGER';

    private array $roles = [];
}
