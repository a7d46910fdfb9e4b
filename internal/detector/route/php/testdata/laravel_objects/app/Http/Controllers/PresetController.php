<?php

namespace App\Http\Controllers;

use App\Models\Preset;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Symfony\Component\HttpFoundation\Response;

class PresetController extends Controller
{
    // The record loaded by the path's id, compared with the caller the
    // framework injects.
    public function show(string $id, Authenticatable $user)
    {
        $preset = Preset::findOrFail($id);
        abort_unless($preset->user_id === $user->id, Response::HTTP_FORBIDDEN);

        return $preset;
    }

    public function update(Request $request, string $id)
    {
        $preset = Preset::query()->where('id', $id)->firstOrFail();
        if ($preset->owner_id != $request->user()->id) {
            abort(Response::HTTP_FORBIDDEN);
        }
        $preset->update($request->all());

        return $preset;
    }

    // Lookalike: the record refused on its own state, not the caller's.
    public function destroy(string $id, Authenticatable $user)
    {
        $preset = Preset::findOrFail($id);
        abort_if($preset->locked, Response::HTTP_FORBIDDEN);
        $preset->delete();

        return response()->noContent();
    }

    // Lookalike: the caller and the owner logged side by side.
    public function share(string $id)
    {
        $preset = Preset::findOrFail($id);
        Log::info('shared', ['by' => auth()->id(), 'owner' => $preset->user_id]);

        return $preset;
    }
}
