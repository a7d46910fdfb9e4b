package lang

import (
	"net"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A compose file whose name says nothing (docker-compose.yml) is read for
// what it does: one that mounts the project's own source into a container,
// runs a development server, or publishes every port on the loopback
// address only sets up a developer's machine. Nothing it starts is
// reachable from the network.

// devCommand runs a development server: a package script named dev or
// watch, a reloader.
var devCommand = regexp.MustCompile(`\b(npm|yarn|pnpm|bun)\s+(run\s+)?(dev|watch|start:dev)\b|--reload\b|\bnodemon\b|\brunserver\b|--watch\b`)

type composeFile struct {
	Services map[string]composeService `yaml:"services"`
}

type composeService struct {
	Image   string      `yaml:"image"`
	Build   yaml.Node   `yaml:"build"`
	Extends yaml.Node   `yaml:"extends"`
	Ports   []yaml.Node `yaml:"ports"`
	Volumes []yaml.Node `yaml:"volumes"`
	Command yaml.Node   `yaml:"command"`
}

// isComposeName reports whether base names a compose file.
func isComposeName(base string) bool {
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".yml"), ".yaml")
	if stem == base {
		return false
	}
	first, _, _ := strings.Cut(stem, ".")
	return first == "docker-compose" || first == "compose"
}

// devCompose says why a compose file's content sets up a developer's
// machine, or "" when it does not (or does not parse).
func devCompose(src []byte) string {
	var f composeFile
	if yaml.Unmarshal(src, &f) != nil || len(f.Services) == 0 {
		return ""
	}
	published, loopback := 0, 0
	for _, s := range f.Services {
		for _, v := range s.Volumes {
			if source := volumeSource(v); source == "." || source == "./" || source == ".." || source == "../" {
				return "mounts the project's source into a container"
			}
		}
		if devCommand.MatchString(nodeText(s.Command)) {
			return "runs a development server"
		}
		for _, p := range s.Ports {
			host, ok := portHost(p)
			if !ok {
				continue
			}
			published++
			if ip := net.ParseIP(strings.Trim(host, "[]")); host == "localhost" || (ip != nil && ip.IsLoopback()) {
				loopback++
			}
		}
	}
	if published > 0 && loopback == published {
		return "publishes its ports on the loopback address only"
	}
	if names := supportOnly(f.Services); names != "" {
		return "runs only supporting services, " + names + ", and no image or build of the product"
	}
	return ""
}

// supportImages are the images of the services a product runs beside
// itself: databases, caches, queues, search engines, mail catchers, object
// stores and their admin consoles. A compose file that runs only these,
// with no build and no other image, does not run the product: it gives a
// developer a database to import into or work against.
var supportImages = map[string]bool{
	"mongo": true, "mongodb": true, "mongo-express": true, "postgres": true, "postgresql": true, "postgis": true,
	"pgvector": true, "mysql": true, "mariadb": true, "redis": true, "redis-stack": true, "redis-stack-server": true,
	"valkey": true, "keydb": true, "memcached": true, "elasticsearch": true, "opensearch": true, "kibana": true,
	"minio": true, "rabbitmq": true, "kafka": true, "cp-kafka": true, "zookeeper": true, "cp-zookeeper": true,
	"meilisearch": true, "typesense": true, "mailhog": true, "mailpit": true, "maildev": true, "smtp4dev": true,
	"adminer": true, "pgadmin4": true, "phpmyadmin": true, "localstack": true, "clickhouse-server": true,
	"nats": true, "etcd": true, "couchdb": true, "cassandra": true, "neo4j": true, "influxdb": true,
	"qdrant": true, "azurite": true, "dynamodb-local": true, "redisinsight": true, "mssql-server": true,
	"grafana": true, "prometheus": true, "jaeger": true, "all-in-one": true,
}

// SupportImage reports an image reference that runs a supporting service
// (a database, cache, queue, search engine, mail catcher, console): not
// the product itself.
func SupportImage(ref string) bool { return supportImages[imageName(ref)] }

// supportOnly names the services of a compose file when every one runs a
// supporting image (supportImages) and none builds: "" when any service
// builds, extends another, or runs an image that is not known to be one.
func supportOnly(services map[string]composeService) string {
	var names []string
	for name, s := range services {
		if !s.Build.IsZero() || !s.Extends.IsZero() || !supportImages[imageName(s.Image)] {
			return ""
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// imageName is an image reference's repository name, without registry,
// owner, tag or digest: postgres of docker.io/library/postgres:16-alpine,
// postgresql of bitnami/postgresql@sha256:...
func imageName(ref string) string {
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		ref = ref[i+1:]
	}
	ref, _, _ = strings.Cut(ref, ":")
	return strings.ToLower(ref)
}

// volumeSource is a volume's host side: "./src" of "./src:/app:ro", or a
// long form's source.
func volumeSource(n yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		src, _, ok := strings.Cut(n.Value, ":")
		if !ok {
			return ""
		}
		return src
	case yaml.MappingNode:
		var v struct {
			Type, Source string
		}
		if n.Decode(&v) == nil && v.Type == "bind" {
			return v.Source
		}
	}
	return ""
}

// portHost is the host address a published port binds ("" for every
// address), and whether the entry publishes one: "127.0.0.1:5432:5432",
// "5432:5432", {host_ip: 127.0.0.1, published: 5432}. A bare container
// port ("5432") is published on a random port of every address.
func portHost(n yaml.Node) (string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		v := n.Value
		if i := strings.LastIndex(v, ":"); i >= 0 {
			rest := v[:i]
			if j := strings.LastIndex(rest, ":"); j >= 0 {
				return rest[:j], true
			}
		}
		return "", true
	case yaml.MappingNode:
		var v struct {
			HostIP string `yaml:"host_ip"`
		}
		if n.Decode(&v) == nil {
			return v.HostIP, true
		}
	}
	return "", false
}

// nodeText is a command as one line: a string, or a list's items joined.
func nodeText(n yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			parts = append(parts, c.Value)
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// composeByContent is the role of a compose file whose path says App, by
// what it does.
func composeByContent(p string, src []byte) (Role, bool) {
	if !isComposeName(path.Base(p)) {
		return Role{}, false
	}
	if why := devCompose(src); why != "" {
		return Role{Kind: DevEnv, noun: "local compose file", why: why}, true
	}
	return Role{}, false
}
