<?php

namespace App\Controller\Shop;

use App\Entity\Order;
use Sensio\Bundle\FrameworkExtraBundle\Configuration\Security;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\Routing\Annotation\Route;

/**
 * A guard any caller passes: no sign-in is needed, and no voter is
 * asked about the order alone.
 *
 * @Route("/shop/orders/{number}", methods={"GET"})
 * @Security("is_granted('ROLE_CUSTOMER') or is_granted('PUBLIC_ACCESS')")
 */
final class ShowOrderController extends AbstractController
{
    public function __invoke(Order $order): array // want: GET /shop/orders/{number}
    {
        return ['order' => $order];
    }
}
