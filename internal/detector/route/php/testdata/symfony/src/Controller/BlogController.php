<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\Routing\Attribute\Route;
use Symfony\Component\Security\Http\Attribute\IsGranted;

#[Route('/blog')]
class BlogController extends AbstractController
{
    #[Route('/', name: 'blog_index', methods: ['GET'])] // want: GET /blog
    public function index(): Response
    {
        return $this->render('blog/index.html.twig');
    }

    #[Route('/{id<\d+>}', name: 'blog_show', methods: ['GET'])] // want: GET /blog/{id}
    public function show(int $id): Response
    {
        return $this->json($this->posts->find($id));
    }

    #[Route('/{id}/edit', methods: ['GET', 'POST'])] // want: GET /blog/{id}/edit; POST /blog/{id}/edit
    #[IsGranted('ROLE_ADMIN')]
    public function edit(int $id): Response
    {
        return $this->render('blog/edit.html.twig');
    }

    #[Route('/{id}/delete', methods: ['POST'])] // want: POST /blog/{id}/delete
    public function delete(int $id): Response
    {
        $this->denyAccessUnlessGranted('ROLE_USER');
        return $this->redirectToRoute('blog_index');
    }

    /**
     * @Route("/feed", methods={"GET"})
     */
    public function feed(): Response // want: GET /blog/feed
    {
        return $this->render('blog/feed.xml.twig');
    }

    public function helper(): string
    {
        return '#[Route("/not-a-route")]';
    }
}
