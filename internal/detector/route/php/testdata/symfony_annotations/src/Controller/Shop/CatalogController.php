<?php

namespace App\Controller\Shop;

use Sensio\Bundle\FrameworkExtraBundle\Configuration\IsGranted;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\Routing\Annotation\Route;

/**
 * The class's route is the prefix of its methods' routes.
 *
 * @Route("/catalog")
 */
class CatalogController extends AbstractController
{
    /**
     * @Route("/items", methods={"GET"}, name="catalog_items")
     */
    public function items(): array // want: GET /catalog/items
    {
        return [];
    }

    /**
     * @Route("/items", methods={"POST"})
     * @IsGranted("ROLE_EDITOR")
     */
    public function create(): array // want: POST /catalog/items
    {
        return [];
    }

    // @Route("/items/import", methods={"POST"}) was the old import; gone.
    public function import(): array
    {
        return [];
    }

    /* @Route("/items/export", methods={"GET"}) */
    public function export(): array
    {
        return [];
    }

    public function help(): string
    {
        $docs = '/** @Route("/items/help") */';
        /**
         * @Route("/items/inside")
         */
        return $docs;
    }

    /**
     * @Route("/account/wishlist", methods={"GET"})
     */
    public function wishlist(): array // want: GET /catalog/account/wishlist
    {
        return [];
    }
}
