package com.example.shop.client;

// Calls another service: these mappings are requests it sends, not routes.
@FeignClient(name = "inventory")
public interface InventoryClient {
    @GetMapping("/inventory/{sku}")
    int stock(@PathVariable String sku);
}
