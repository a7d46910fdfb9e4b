<?php

use App\Action\DeleteNoteAction;
use App\Controller\NoteController;
use App\Middleware\AdminOnly;
use App\Middleware\ApiKeyGate;
use App\Middleware\AuditTrail;
use App\Middleware\CorsHeaders;
use App\Middleware\RequireLogin;
use App\Middleware\RequireToken;
use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;
use Slim\App;
use Slim\Routing\RouteCollectorProxy;

return function (App $app) {
    $app->get('/', function (Request $request, Response $response) { // want: GET /
        $response->getBody()->write('home');
        return $response;
    });

    $app->get('/notes/{id:[0-9]+}', NoteController::class . ':show'); // want: GET /notes/{id}
    // Optional trailing segments: each path they allow.
    $app->get('/archive[/{year:[0-9]{4}}[/{month}]]', NoteController::class . ':archive'); // want: GET /archive
    // want: GET /archive/{year}
    // want: GET /archive/{year}/{month}
    $app->map(['GET', 'POST'], '/contact', [NoteController::class, 'contact']); // want: GET /contact
    // want: POST /contact
    $app->any('/ping', NoteController::class . ':ping')->add(CorsHeaders::class); // want: ANY /ping

    $app->group('/account', function (RouteCollectorProxy $group) {
        $group->get('', NoteController::class . ':mine'); // want: GET /account
        $group->post('/notes', NoteController::class . ':store'); // want: POST /account/notes
        $group->delete('/notes/{id}', DeleteNoteAction::class) // want: DELETE /account/notes/{id}
            ->add(new AdminOnly());
        $group->group('/admin', function (RouteCollectorProxy $admin) {
            $admin->get('/stats', NoteController::class . ':stats'); // want: GET /account/admin/stats
        });
    })->add(RequireLogin::class);

    $app->group('/api', function (RouteCollectorProxy $group) {
        $group->get('/notes', 'App\Controller\NoteController:index'); // want: GET /api/notes
    })->add(RequireToken::class);

    $app->group('/v2', function (RouteCollectorProxy $group) {
        $group->get('/notes', NoteController::class . ':index'); // want: GET /v2/notes
    })->add(ApiKeyGate::class);
    $app->get('/v2/status', NoteController::class . ':ping')->add(AuditTrail::class); // want: GET /v2/status

    $app->patch('/flags/{id}', NoteController::class . ':flag') // want: PATCH /flags/{id}
        ->add(function (Request $request, $handler) {
            if (!isset($_SESSION['user_id'])) {
                return (new \Slim\Psr7\Response())->withStatus(401);
            }
            return $handler->handle($request);
        });
};
