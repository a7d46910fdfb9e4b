<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Routing\Attribute\Route;
use Symfony\Component\Security\Http\Attribute\IsGranted;

// Attributes grouped in one #[...]: each is read.
#[Route('/account'), IsGranted('ROLE_MEMBER')]
class AccountController extends AbstractController
{
    public const EXPORTER = 'ROLE_EXPORTER';

    #[Route('/settings', methods: ['GET', 'POST'])] // want: GET /account/settings; POST /account/settings
    public function settings(): Response
    {
        return $this->render('account/settings.html.twig');
    }

    #[Route('/export', methods: ['GET']), IsGranted(self::EXPORTER)] // want: GET /account/export
    public function export(): Response
    {
        return $this->json([]);
    }
}
