<?php

namespace App\Controller;

use App\Security\Roles;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Routing\Attribute\Route;
use Symfony\Component\Security\Http\Attribute\IsGranted;

#[Route('/news')]
class NewsController extends AbstractController
{
    // #[IsGranted('ROLE_EDITOR')] was here once
    #[Route('/latest', methods: ['GET'])] // want: GET /news/latest
    public function latest(): Response
    {
        return $this->render('news/latest.html.twig', ['hint' => "#[IsGranted('ROLE_EDITOR')]"]);
    }

    // Not an action: its guard is its own, not the class's.
    #[IsGranted('ROLE_EDITOR')]
    public function preview(): Response
    {
        return $this->render('news/preview.html.twig');
    }

    // A constant the tree does not declare is read by its name.
    #[Route('/drafts', methods: ['GET']), IsGranted(Roles::EDITOR)] // want: GET /news/drafts
    public function drafts(): Response
    {
        return $this->render('news/drafts.html.twig');
    }

    #[Route('/archive', methods: ['GET'])] // want: GET /news/archive
    public function archive(): Response
    {
        return $this->render('news/archive.html.twig');
    }
}
