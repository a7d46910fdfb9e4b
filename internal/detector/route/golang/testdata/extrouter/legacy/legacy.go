// Package legacy keeps the paths of the first release.
package legacy

const OldPush = "/api/prom/push"
