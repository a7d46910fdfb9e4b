package com.example.shop.web;

@RestController
@RequestMapping("/api/v1/products")
public class ProductController {
    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @GetMapping({"", "/{id:[0-9]+}"}) // want: GET /api/v1/products; GET /api/v1/products/{id}
    public Object list(@PathVariable(required = false) Long id) {
        return id == null ? products.findAll() : products.findById(id);
    }

    @PostMapping // want: POST /api/v1/products
    public Product create(@RequestBody Product product) {
        return products.save(product);
    }
}
