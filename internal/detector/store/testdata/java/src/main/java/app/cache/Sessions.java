// A RedisTemplate: the Redis the settings name (one row, both evidence).
package app.cache;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

public class Sessions {
    private final StringRedisTemplate redis;

    Sessions(StringRedisTemplate redis) { this.redis = redis; }

    public void put(String id, String user) {
        redis.opsForValue().set("session:" + id, user, Duration.ofHours(12));
    }
}
