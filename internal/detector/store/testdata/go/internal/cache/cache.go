package cache

import "github.com/redis/go-redis/v9" // want: store redis Redis

// New returns a client for the local cache.
func New() (*redis.Client, error) {
	opt, err := redis.ParseURL("redis://localhost:6379/0")
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}
