package iac

import (
	"bytes"
	"context"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/yamlnode"
)

// Kubernetes reads manifests for what faces outside the cluster:
// LoadBalancer and NodePort services, and ingresses with their hosts.
type Kubernetes struct{}

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
func (*Kubernetes) Keywords() []string { return []string{"LoadBalancer", "NodePort", "Ingress"} }

// Detect reads every document of a manifest.
func (*Kubernetes) Detect(_ context.Context, f *detector.File, out *detector.Sink) error {
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
				kubeObject(f.Path, it, out)
			}
			continue
		}
		kubeObject(f.Path, d, out)
	}
	return nil
}

func kubeObject(file string, d *yaml.Node, out *detector.Sink) {
	kind := yamlnode.Str(yamlnode.Get(d, "kind"))
	if yamlnode.Str(yamlnode.Get(d, "apiVersion")) == "" {
		return
	}
	name := yamlnode.Str(yamlnode.Path(d, "metadata", "name"))
	if ns := yamlnode.Str(yamlnode.Path(d, "metadata", "namespace")); ns != "" {
		name = ns + "/" + name
	}
	spec := yamlnode.Get(d, "spec")
	ev := []facts.Evidence{{File: file, Line: yamlnode.Line(d)}}
	switch kind {
	case "Service":
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
			out.AddInfrastructure(facts.Infrastructure{ID: detector.ID("infra", "load-balancer", file, name), Kind: "load-balancer", Detail: detail, Evidence: ev})
		case "NodePort":
			ev[0].Line = yamlnode.Line(typ)
			out.AddInfrastructure(facts.Infrastructure{ID: detector.ID("infra", "node-port", file, name), Kind: "node-port", Detail: "Service " + name + ": type NodePort" + portText + " on every node", Evidence: ev})
		}
	case "Ingress":
		var hosts, paths []string
		if b := yamlnode.Get(spec, "defaultBackend"); b != nil {
			paths = append(paths, "(default backend)")
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
			}
		}
		detail := "Ingress " + name + ": hosts " + orNone(compact(hosts)) + "; paths " + orNone(compact(paths))
		if yamlnode.Get(spec, "tls") == nil {
			detail += "; no TLS section"
		}
		out.AddInfrastructure(facts.Infrastructure{ID: detector.ID("infra", "ingress", file, name), Kind: "ingress", Detail: detail, Evidence: ev})
	}
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
