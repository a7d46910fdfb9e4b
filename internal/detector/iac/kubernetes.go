package iac

import (
	"bytes"
	"context"
	"path"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// Kubernetes reads manifests for what faces outside the cluster:
// LoadBalancer and NodePort services, and ingresses with their hosts. A
// load balancer or ingress in front of the product's own workload (its
// pods run only images that are not a supporting service's) is the
// product's web entrance, public by design: fact web-entrypoint, which
// drafts no threat by itself. One in front of a database, a console or a
// workload the manifests do not hold stays what it is.
type Kubernetes struct {
	mu        sync.Mutex
	workloads []kubeWorkload
	services  []kubeService
	pending   []kubeExposure
}

// kubeWorkload is a pod template's labels and images.
type kubeWorkload struct {
	ns     string
	labels map[string]string
	images []string
}

// kubeService is a Service's name and selector.
type kubeService struct {
	ns, name string
	selector map[string]string
}

// kubeExposure is a load balancer or ingress fact, decided at Finish by
// what it sends traffic to: a service's selector, or an ingress's
// backend services.
type kubeExposure struct {
	fact     facts.Infrastructure
	ns       string
	selector map[string]string // a load balancer's
	backends []string          // an ingress's service names
}

// NewKubernetes returns a Kubernetes manifest detector.
func NewKubernetes() *Kubernetes { return &Kubernetes{} }

// Name implements detector.Detector.
func (*Kubernetes) Name() string { return "iac/kubernetes" }

// Match takes YAML files that are not CI configuration or compose files,
// which have detectors of their own.
func (*Kubernetes) Match(p string) bool {
	return lang.Of(p) == lang.YAML && lang.RoleOf(p).Kind != lang.CI && !isCompose(path.Base(p))
}

// Keywords implements detector.Keyworded: only these kinds matter.
func (*Kubernetes) Keywords() []string {
	return []string{"LoadBalancer", "NodePort", "Ingress", "Service", "Deployment", "StatefulSet", "DaemonSet"}
}

// Detect reads every document of a manifest.
func (k *Kubernetes) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
	docs, err := yamlnode.Documents(f.Data)
	if err != nil && !bytes.Contains(f.Data, []byte("{{")) {
		// A Helm or Kustomize template is not YAML until rendered; only a
		// plain manifest that fails to parse deserves a warning.
		out.Warn(f.Path, "cannot parse YAML: "+err.Error())
	}
	for _, d := range docs {
		if yamlnode.Str(yamlnode.Get(d, "kind")) == "List" {
			// kind: List holds objects; one level only, since an alias
			// can make a list contain itself.
			for _, it := range yamlnode.Items(yamlnode.Get(d, "items")) {
				k.object(f.Path, it, out)
			}
			continue
		}
		k.object(f.Path, d, out)
	}
	return nil
}

// Finish decides each load balancer and ingress by what it sends traffic
// to, once every manifest is read.
func (k *Kubernetes) Finish(_ context.Context, out *detector.Sink) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, e := range k.pending {
		f := e.fact
		if image, ok := k.product(e); ok {
			f.Kind = "web-entrypoint"
			f.ID = detector.ID("infra", f.Kind, f.Evidence[0].File, f.Detail)
			f.Detail += " (the product's own workload, " + image + "): public by design"
		}
		out.AddInfrastructure(f)
	}
	k.pending = nil
	return nil
}

// product reports whether an exposure sends traffic only to the product's
// own pods, naming one of their images: every service it reaches selects
// at least one workload, and every image of those is not a supporting
// service's.
func (k *Kubernetes) product(e kubeExposure) (string, bool) {
	selectors := []map[string]string{e.selector}
	if e.selector == nil {
		if len(e.backends) == 0 {
			return "", false
		}
		selectors = nil
		for _, b := range e.backends {
			found := false
			for _, s := range k.services {
				if s.name == b && sameNamespace(s.ns, e.ns) && len(s.selector) > 0 {
					selectors, found = append(selectors, s.selector), true
					break
				}
			}
			if !found {
				return "", false
			}
		}
	}
	image := ""
	for _, sel := range selectors {
		if len(sel) == 0 {
			return "", false
		}
		matched := false
		for _, w := range k.workloads {
			if !sameNamespace(w.ns, e.ns) || !selects(sel, w.labels) {
				continue
			}
			for _, im := range w.images {
				if lang.SupportImage(im) {
					return "", false
				}
				if image == "" {
					image = im
				}
			}
			matched = matched || len(w.images) > 0
		}
		if !matched {
			return "", false
		}
	}
	return image, image != ""
}

// sameNamespace reports two objects in one namespace; one that names none
// takes the namespace it is applied to (kustomize's namespace:, kubectl's
// -n), so it may be any.
func sameNamespace(a, b string) bool { return a == b || a == "" || b == "" }

// selects reports whether every key of a selector has its value in labels.
func selects(sel, labels map[string]string) bool {
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// stringMap reads a mapping of strings (labels, a selector).
func stringMap(n *yaml.Node) map[string]string {
	out := map[string]string{}
	for _, p := range yamlnode.Pairs(n) {
		out[p.Key] = yamlnode.Str(p.Value)
	}
	return out
}

func (k *Kubernetes) object(file string, d *yaml.Node, out *detector.Sink) {
	kind := yamlnode.Str(yamlnode.Get(d, "kind"))
	if yamlnode.Str(yamlnode.Get(d, "apiVersion")) == "" {
		return
	}
	bare := yamlnode.Str(yamlnode.Path(d, "metadata", "name"))
	name := bare
	ns := yamlnode.Str(yamlnode.Path(d, "metadata", "namespace"))
	if ns != "" {
		name = ns + "/" + name
	}
	spec := yamlnode.Get(d, "spec")
	k.mu.Lock()
	defer k.mu.Unlock()
	ev := []facts.Evidence{{File: file, Line: yamlnode.Line(d)}}
	switch kind {
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob":
		tmpl := yamlnode.Get(spec, "template")
		if kind == "CronJob" {
			tmpl = yamlnode.Path(spec, "jobTemplate", "spec", "template")
		}
		w := kubeWorkload{ns: ns, labels: stringMap(yamlnode.Path(tmpl, "metadata", "labels"))}
		for _, c := range yamlnode.Items(yamlnode.Path(tmpl, "spec", "containers")) {
			if im := yamlnode.Str(yamlnode.Get(c, "image")); im != "" {
				w.images = append(w.images, im)
			}
		}
		k.workloads = append(k.workloads, w)
	case "Service":
		selector := stringMap(yamlnode.Get(spec, "selector"))
		k.services = append(k.services, kubeService{ns: ns, name: bare, selector: selector})
		typ := yamlnode.Get(spec, "type")
		var ports []string
		for _, p := range yamlnode.Items(yamlnode.Get(spec, "ports")) {
			if s := yamlnode.Str(yamlnode.Get(p, "port")); s != "" {
				ports = append(ports, s)
			}
		}
		portText := ""
		if len(ports) > 0 {
			portText = " on port " + strings.Join(ports, ", ")
		}
		switch yamlnode.Str(typ) {
		case "LoadBalancer":
			detail := "Service " + name + ": type LoadBalancer" + portText
			if internalLB(d) {
				detail += " (internal load balancer annotation)"
			}
			ev[0].Line = yamlnode.Line(typ)
			f := facts.Infrastructure{ID: detector.ID("infra", "load-balancer", file, name), Kind: "load-balancer", Detail: detail, Evidence: ev}
			if internalLB(d) {
				out.AddInfrastructure(f)
				break
			}
			k.pending = append(k.pending, kubeExposure{fact: f, ns: ns, selector: selector})
		case "NodePort":
			ev[0].Line = yamlnode.Line(typ)
			out.AddInfrastructure(facts.Infrastructure{ID: detector.ID("infra", "node-port", file, name), Kind: "node-port", Detail: "Service " + name + ": type NodePort" + portText + " on every node", Evidence: ev})
		}
	case "Ingress":
		var hosts, paths, backends []string
		if b := yamlnode.Get(spec, "defaultBackend"); b != nil {
			paths = append(paths, "(default backend)")
			backends = append(backends, backendService(b))
		}
		for _, r := range yamlnode.Items(yamlnode.Get(spec, "rules")) {
			host := yamlnode.Str(yamlnode.Get(r, "host"))
			if host == "" {
				host = "*"
			}
			hosts = append(hosts, host)
			for _, p := range yamlnode.Items(yamlnode.Path(r, "http", "paths")) {
				if s := yamlnode.Str(yamlnode.Get(p, "path")); s != "" {
					paths = append(paths, s)
				}
				backends = append(backends, backendService(yamlnode.Get(p, "backend")))
			}
		}
		detail := "Ingress " + name + ": hosts " + orNone(compact(hosts)) + "; paths " + orNone(compact(paths))
		if yamlnode.Get(spec, "tls") == nil {
			detail += "; no TLS section"
		}
		k.pending = append(k.pending, kubeExposure{fact: facts.Infrastructure{ID: detector.ID("infra", "ingress", file, name), Kind: "ingress", Detail: detail, Evidence: ev}, ns: ns, backends: backends})
	}
}

// backendService is an ingress backend's service name: service.name
// (networking.k8s.io/v1) or serviceName (v1beta1); "" for a resource
// backend, which no service selects.
func backendService(b *yaml.Node) string {
	if s := yamlnode.Str(yamlnode.Path(b, "service", "name")); s != "" {
		return s
	}
	return yamlnode.Str(yamlnode.Get(b, "serviceName"))
}

// internalLB reads the cloud annotations that keep a load balancer off
// the internet.
func internalLB(d *yaml.Node) bool {
	for _, p := range yamlnode.Pairs(yamlnode.Path(d, "metadata", "annotations")) {
		v := strings.ToLower(yamlnode.Str(p.Value))
		switch p.Key {
		case "service.beta.kubernetes.io/aws-load-balancer-internal", "service.beta.kubernetes.io/azure-load-balancer-internal":
			if v == "true" || strings.HasPrefix(v, "0.0.0.0") {
				return true
			}
		case "service.beta.kubernetes.io/aws-load-balancer-scheme":
			return v == "internal"
		case "networking.gke.io/load-balancer-type", "cloud.google.com/load-balancer-type":
			return v == "internal"
		}
	}
	return false
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "(none)"
	}
	return strings.Join(xs, ", ")
}
