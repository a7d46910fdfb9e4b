<?php

declare(strict_types=1);

namespace App\Controller\Shop;

use App\Entity\Order;
use Sensio\Bundle\FrameworkExtraBundle\Configuration\Security;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Annotation\Route;

/**
 * An invokable controller: the class's route is its __invoke's.
 *
 * @Route("/shop/orders/{number}", methods={"PUT"}, name="shop_order_edit")
 *
 * @Security("is_granted('ROLE_CUSTOMER') and is_granted('OWNER', order)")
 */
final class EditOrderController extends AbstractController
{
    public function __invoke(Request $request, Order $order): array // want: PUT /shop/orders/{number}
    {
        $order->setNote((string) $request->request->get('note'));

        return ['order' => $order];
    }
}
