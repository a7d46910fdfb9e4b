// Lookalike: the test suite's Redis.
package app;

import redis.clients.jedis.Jedis;

class CacheTest {
    Jedis jedis = new Jedis("localhost", 6379);
}
