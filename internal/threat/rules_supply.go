package threat

import (
	"github.com/threatmap/threatmap/internal/model"
)

// The supply chain: CI that runs untrusted code or leaks secrets, and what
// the build pulls in unpinned.

var prTargetCheckout = pipelineRule{
	ID: "pr-target-checkout", Kinds: []string{"pull-request-target-checkout"}, Title: "pull_request_target runs pull-request code with secrets",
	Stride: []string{"E"}, CWE: []string{"CWE-829"},
	Difficulty: model.Easy, Reason: "only a pull request from any GitHub account", Level: model.Critical,
	Impact: "steal repository secrets and push to the repository", Method: "opening a pull request whose code runs with the target's token",
	Abuse:    "A pull request's code runs with the repository's secrets and write token",
	Controls: []Suggestion{{Text: "Never check out pull-request code in pull_request_target; use pull_request"}},
}.rule()

var ciSecretExposure = pipelineRule{
	ID: "ci-secret-exposure", Kinds: []string{"secret-exposure"}, Title: "CI prints or hands secrets to untrusted steps",
	Stride: []string{"I"}, CWE: []string{"CWE-532"},
	Difficulty: model.Moderate, Reason: "needs read access to CI logs or a step that runs untrusted code", Level: model.High,
	Impact: "copy production secrets from CI", Method: "reading build logs or a compromised step",
	Abuse:    "Secrets echoed in CI logs or given to untrusted steps leak with them",
	Controls: []Suggestion{{Text: "Pass secrets only to trusted steps; never echo them"}},
}.rule()

var unpinnedActions = pipelineRule{
	ID: "unpinned-actions", Kinds: []string{"unpinned-action"}, Title: "Third-party actions not pinned to a commit",
	Stride: []string{"T"}, CWE: []string{"CWE-829", "CWE-494"},
	Difficulty: model.Hard, Reason: "needs the action's repository to be compromised first: a chain", Level: model.High,
	Impact: "run code in your CI with its secrets", Method: "compromising an action you use by tag",
	Abuse:    "A retagged third-party action runs its new code in your CI",
	Controls: []Suggestion{{Text: "Pin third-party actions to a full commit SHA"}},
}.rule()

var unpinnedDependencies = pipelineRule{
	ID: "unpinned-dependencies", Kinds: []string{"missing-lockfile", "unpinned-requirements"}, Title: "Dependencies without a lockfile",
	Stride: []string{"T"}, CWE: []string{"CWE-1357", "CWE-494"},
	Difficulty: model.Hard, Reason: "needs a dependency to be compromised first: a chain", Level: model.High,
	Impact: "ship a poisoned dependency into your build", Method: "publishing a malicious version you install unpinned",
	Abuse:    "A poisoned dependency in your build runs with your credentials",
	Controls: []Suggestion{{Text: "Commit lockfiles and install from them (npm ci, pip install -r with hashes)"}},
}.rule()
