<?php

namespace App\Controller\Admin;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\Routing\Annotation\Route;

class ReportController extends AbstractController
{
    /**
     * @Route("/admin/reports", methods={"GET"})
     */
    public function index(): array // want: GET /admin/reports
    {
        return [];
    }

    /**
     * @Route("/admin/status", methods={"GET"})
     */
    public function status(): array // want: GET /admin/status
    {
        return [];
    }
}
