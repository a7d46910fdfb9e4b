<?php

namespace App\Http\Controllers;

abstract class Controller
{
    // Refuses unless the caller holds the permission in that team.
    protected function checkPermission(Team $team, string $permission): void
    {
        if (! $this->permissions->has($team, $permission)) {
            throw new AuthorizationException;
        }
    }

    // Passes on the first permission held; refuses after the loop.
    protected function checkAnyPermission(Team $team, array $permissions): void
    {
        foreach ($permissions as $permission) {
            if ($this->permissions->has($team, $permission)) {
                return;
            }
        }
        throw new AuthorizationException;
    }

    // Lookalike: refuses on the record's own state, whoever asks.
    protected function ensureOpen(Team $team): void
    {
        if ($team->isArchived()) {
            throw new TeamArchivedException;
        }
    }
}
