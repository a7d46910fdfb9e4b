// A MongoTemplate no settings name: MongoDB at Spring Boot's default.
// want: store mongodb MongoDB
package app.cache;

import org.springframework.data.mongodb.core.*;

public class Catalog {
    private final MongoTemplate mongo;

    Catalog(MongoTemplate mongo) { this.mongo = mongo; }

    public void save(Object item) { mongo.save(item); }
}
