package com.shopfront.catalog;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class CatalogController {
    @Autowired
    ProductFinder finder;

    @PostMapping("/catalog/search")
    public String search(@ModelAttribute Query query, Model model) {
        model.addAttribute("items", finder.byName(query));
        model.addAttribute("query", query);
        return "catalog";
    }

    @PostMapping("/catalog/tagged")
    public String tagged(@RequestParam String tag, Model model) {
        model.addAttribute("items", finder.byTag(tag));
        return "catalog";
    }

    @PostMapping("/catalog/{sku}/retire")
    public String retire(@PathVariable String sku) {
        finder.retire(sku);
        return "redirect:/catalog";
    }

    @PostMapping("/catalog/sorted")
    public String sorted(@ModelAttribute Query query, Model model) {
        model.addAttribute("items", finder.sorted(query));
        return "catalog";
    }

    @PostMapping("/catalog/maker")
    public String maker(@ModelAttribute Query query, Model model) {
        model.addAttribute("items", finder.byMaker(query));
        return "catalog";
    }
}
