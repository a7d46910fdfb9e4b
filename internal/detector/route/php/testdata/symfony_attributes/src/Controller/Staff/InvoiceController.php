<?php

namespace App\Controller\Staff;

use App\Entity\Invoice;
use App\Entity\Member;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Routing\Attribute\Route;
use Symfony\Component\Security\Http\Attribute\IsGranted;

// The class's guard covers every action; an action's own adds to it.
#[Route('/staff/invoices')]
#[IsGranted(Member::MANAGER)]
final class InvoiceController extends AbstractController
{
    #[Route('', name: 'invoice_index', methods: ['GET'])] // want: GET /staff/invoices
    public function index(): Response
    {
        return $this->render('staff/invoices.html.twig');
    }

    #[Route('/{id:invoice}', name: 'invoice_show', methods: ['GET'])] // want: GET /staff/invoices/{id}
    #[IsGranted('view', subject: 'invoice')]
    public function show(Invoice $invoice): Response
    {
        return $this->render('staff/invoice.html.twig', ['invoice' => $invoice]);
    }
}

// Another class in the same file: the guard above is not its own.
#[Route('/staff/help')]
final class HelpController extends AbstractController
{
    #[Route('/faq', methods: ['GET'])] // want: GET /staff/help/faq
    public function faq(): Response
    {
        return $this->render('staff/faq.html.twig');
    }
}
