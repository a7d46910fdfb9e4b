<?php

namespace App\Concerns;

use App\Models\User;

trait HasReactions
{
    public function reactedBy(User $user): void
    {
        $this->reactionsRelation()->create(['user_id' => $user->id()]);
    }

    public function isReactedBy(User $user): bool
    {
        return $this->reactionsRelation()->where('user_id', $user->id())->exists();
    }
}
