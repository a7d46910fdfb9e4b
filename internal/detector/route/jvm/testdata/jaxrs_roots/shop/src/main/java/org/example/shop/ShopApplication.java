package org.example.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

// Every resource of this module is served under /api.
@ApplicationPath("api")
public class ShopApplication extends Application {
}
