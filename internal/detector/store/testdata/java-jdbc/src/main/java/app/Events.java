// A MongoDB client made from a URL in code.
// want: store mongodb MongoDB
package app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

public class Events {
    static MongoClient open(String host) {
        return MongoClients.create("mongodb://" + host + ":27017/events");
    }
}
