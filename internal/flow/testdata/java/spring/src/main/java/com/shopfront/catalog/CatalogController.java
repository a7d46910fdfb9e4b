package com.shopfront.catalog;

import java.io.File;
import java.io.FilenameFilter;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
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

    // Lookalike: the page's raw parts are the code's own text; the
    // request's value is written escaped.
    @PostMapping("/catalog/browse")
    public String browse(@RequestParam String shelf, Model model) {
        model.addAttribute("banner", "<b>New in</b>");
        model.addAttribute("intro", Pages.intro());
        model.addAttribute("shelf", shelf);
        return "catalog";
    }

    @PostMapping("/catalog/shelf")
    public ModelAndView shelf(@RequestParam String name) {
        ModelAndView mav = new ModelAndView("shelf");
        mav.addObject("heading", "Shelf " + name);
        return mav;
    }

    // Lookalike: the view named is a redirect, not a template.
    @PostMapping("/catalog/again")
    public String again(@ModelAttribute Query query) {
        return "redirect:/catalog";
    }

    // Lookalike: the image is found among the folder's own files; the
    // filter's return is the anonymous class's, not imageOf's.
    @PostMapping("/catalog/image/drop")
    public String dropImage(@RequestParam String sku) {
        String name = imageOf(sku);
        if (name != null) {
            new File("/srv/images/" + name).delete();
        }
        return "catalog";
    }

    private String imageOf(final String sku) {
        File[] found = new File("/srv/images").listFiles(new FilenameFilter() {
            public boolean accept(File dir, String name) {
                return name.startsWith(sku + ".");
            }
        });
        return found.length < 1 ? null : "img-" + found.length;
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
