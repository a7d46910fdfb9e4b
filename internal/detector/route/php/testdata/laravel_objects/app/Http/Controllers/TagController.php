<?php

namespace App\Http\Controllers;

class TagController extends Controller
{
    // An override that calls the base check first.
    protected function checkPermission(Team $team, string $permission, ?Tag $tag = null): void
    {
        parent::checkPermission($team, $permission);
    }

    public function destroy(Team $team, Tag $tag)
    {
        $this->checkPermission($team, 'tags:delete', $tag);
        $tag->delete();
    }

    public function index(Team $team)
    {
        $this->checkAnyPermission($team, ['tags:view', 'tags:view:own']);
        return Tag::whereBelongsTo($team)->get();
    }

    public function usage(Team $team)
    {
        $this->ensureOpen($team);
        return $team->usage()->get();
    }

    public function archive(Team $team)
    {
        Log::info('archive of', [$team->id]);
        return $team->archive()->get();
    }
}
