<?php

namespace App\Action;

final class DeleteNoteAction
{
    public function __invoke($request, $response, array $args)
    {
        return $response->withStatus(204);
    }
}
