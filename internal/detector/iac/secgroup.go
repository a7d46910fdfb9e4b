package iac

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/threatmap/threatmap/internal/detector"
)

// sensitivePorts are the ports that should never face the whole internet:
// databases, remote shells and admin APIs. Web ports (80, 443) are not
// here: serving them publicly is the point.
var sensitivePorts = []struct {
	port int
	name string
}{
	{22, "SSH"},
	{1433, "SQL Server"},
	{2375, "Docker API"},
	{2376, "Docker API"},
	{2379, "etcd"},
	{3306, "MySQL"},
	{3389, "RDP"},
	{5432, "PostgreSQL"},
	{5601, "Kibana"},
	{5984, "CouchDB"},
	{6379, "Redis"},
	{6443, "Kubernetes API"},
	{9042, "Cassandra"},
	{9200, "Elasticsearch"},
	{10250, "kubelet"},
	{11211, "memcached"},
	{15672, "RabbitMQ management"},
	{27017, "MongoDB"},
}

var worldCIDRs = map[string]bool{"0.0.0.0/0": true, "::/0": true}

// ingress is one inbound rule, whatever resource shape declared it.
type ingress struct {
	from, to   int
	portsKnown bool
	protocol   string
	cidrs      []string
	line       int
}

// exposure says what an ingress rule opens to the world, or "".
func (r ingress) exposure() string {
	var open []string
	for _, c := range r.cidrs {
		if worldCIDRs[c] {
			open = append(open, c)
		}
	}
	if len(open) == 0 {
		return ""
	}
	open = compact(open)
	from := strings.Join(open, ", ")
	switch strings.ToLower(r.protocol) {
	case "-1", "all":
		return "all ports open to " + from
	case "icmp", "icmpv6", "1", "58":
		return ""
	}
	if !r.portsKnown {
		return ""
	}
	if r.from <= 0 && r.to >= 65535 {
		return "all ports open to " + from
	}
	var hit []string
	for _, p := range sensitivePorts {
		if p.port >= r.from && p.port <= r.to {
			hit = append(hit, fmt.Sprintf("%d (%s)", p.port, p.name))
		}
	}
	if len(hit) == 0 {
		return ""
	}
	return "port " + strings.Join(hit, ", ") + " open to " + from
}

func readIngress(m *module, body *hclsyntax.Body, line int, cidrAttrs ...string) ingress {
	r := ingress{line: line}
	from, okFrom := integer(m.eval(attr(body, "from_port")))
	to, okTo := integer(m.eval(attr(body, "to_port")))
	r.from, r.to, r.portsKnown = from, to, okFrom && okTo
	if !okTo && okFrom {
		r.to, r.portsKnown = from, true
	}
	for _, name := range []string{"protocol", "ip_protocol"} {
		if s, ok := str(m.eval(attr(body, name))); ok {
			r.protocol = s
		}
	}
	for _, a := range cidrAttrs {
		r.cidrs = append(r.cidrs, knownStrings(m.eval(attr(body, a)))...)
	}
	return r
}

func checkSecurityGroups(m *module, out *detector.Sink) {
	for _, b := range m.blocks {
		if b.kind != "resource" {
			continue
		}
		var rules []ingress
		switch b.typ {
		case "aws_security_group":
			for _, ib := range b.body.Blocks {
				body := ib.Body
				switch {
				case ib.Type == "ingress":
				case ib.Type == "dynamic" && len(ib.Labels) == 1 && ib.Labels[0] == "ingress":
					// dynamic "ingress" { content { ... } }: read the content;
					// each.value references stay unknown.
					body = nil
					for _, c := range ib.Body.Blocks {
						if c.Type == "content" {
							body = c.Body
						}
					}
				default:
					continue
				}
				if body != nil {
					rules = append(rules, readIngress(m, body, ib.TypeRange.Start.Line, "cidr_blocks", "ipv6_cidr_blocks"))
				}
			}
			// ingress = [{...}] as an attribute (attributes-as-blocks).
			if x, ok := attr(b.body, "ingress").(*hclsyntax.TupleConsExpr); ok {
				for _, e := range x.Exprs {
					if o, ok := e.(*hclsyntax.ObjectConsExpr); ok {
						rules = append(rules, readIngressObject(m, o))
					}
				}
			}
		case "aws_security_group_rule":
			if typ, ok := str(m.eval(attr(b.body, "type"))); !ok || typ != "ingress" {
				continue
			}
			rules = append(rules, readIngress(m, b.body, b.line, "cidr_blocks", "ipv6_cidr_blocks"))
		case "aws_vpc_security_group_ingress_rule":
			rules = append(rules, readIngress(m, b.body, b.line, "cidr_ipv4", "cidr_ipv6"))
		default:
			continue
		}
		var seen []string
		for _, r := range rules {
			what := r.exposure()
			if what == "" || slices.Contains(seen, what) {
				continue
			}
			seen = append(seen, what)
			detail := b.addr() + ": ingress " + what
			out.AddInfrastructure(infra(m, "open-security-group", b.addr()+" "+what, detail, b, r.line))
		}
	}
}

// readIngressObject reads one element of ingress = [{ from_port = 22, ... }].
func readIngressObject(m *module, o *hclsyntax.ObjectConsExpr) ingress {
	r := ingress{line: o.SrcRange.Start.Line}
	var okFrom, okTo bool
	for _, it := range o.Items {
		k, diags := it.KeyExpr.Value(nil)
		if diags.HasErrors() || !k.IsKnown() || k.IsNull() {
			continue
		}
		key, _ := str(k)
		v := m.eval(it.ValueExpr)
		switch key {
		case "from_port":
			r.from, okFrom = integer(v)
		case "to_port":
			r.to, okTo = integer(v)
		case "protocol":
			r.protocol, _ = str(v)
		case "cidr_blocks", "ipv6_cidr_blocks":
			r.cidrs = append(r.cidrs, knownStrings(v)...)
		}
	}
	r.portsKnown = okFrom && okTo
	return r
}
