package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AssetKind is one of the source's three buckets.
type AssetKind string

const (
	UserData    AssetKind = "user-data"
	Credentials AssetKind = "credentials"
	Integrity   AssetKind = "integrity"
)

// AssetKinds lists the buckets in the order the page shows them.
var AssetKinds = []AssetKind{UserData, Credentials, Integrity}

// Title is the bucket's heading on the page.
func (k AssetKind) Title() string {
	switch k {
	case UserData:
		return "User data"
	case Credentials:
		return "Credentials and credits"
	case Integrity:
		return "Product integrity and reputation"
	}
	return string(k)
}

// Level rates impact.
type Level string

const (
	Low      Level = "low"
	Medium   Level = "medium"
	High     Level = "high"
	Critical Level = "critical"
)

// Levels lists impacts from least to most severe.
var Levels = []Level{Low, Medium, High, Critical}

// Rank orders impacts: critical is 0, low is 3, unknown sorts last.
func (l Level) Rank() int {
	switch l {
	case Critical:
		return 0
	case High:
		return 1
	case Medium:
		return 2
	case Low:
		return 3
	}
	return 4
}

// Difficulty is how hard a zero-knowledge, automated attacker finds the
// exposure to find and use.
type Difficulty string

const (
	Easy     Difficulty = "low"
	Moderate Difficulty = "medium"
	Hard     Difficulty = "high"
)

// Difficulties lists difficulty from easiest (what bots find first).
var Difficulties = []Difficulty{Easy, Moderate, Hard}

// Rank orders difficulty: low (easiest, most urgent) is 0.
func (d Difficulty) Rank() int {
	switch d {
	case Easy:
		return 0
	case Moderate:
		return 1
	case Hard:
		return 2
	}
	return 3
}

// Direction says whether data enters, rests or leaves at a surface.
type Direction string

const (
	Entry Direction = "entry"
	Store Direction = "store"
	Exit  Direction = "exit"
)

// Directions lists all directions.
var Directions = []Direction{Entry, Store, Exit}

// Exposure says who can reach a surface.
type Exposure string

const (
	Public        Exposure = "public"
	Authenticated Exposure = "authenticated"
	Internal      Exposure = "internal"
)

// Exposures lists exposures from widest to narrowest.
var Exposures = []Exposure{Public, Authenticated, Internal}

// Rank orders exposure: public is 0; an unset exposure sorts with public,
// since an unknown reach is the attacker's best case.
func (e Exposure) Rank() int {
	switch e {
	case Authenticated:
		return 1
	case Internal:
		return 2
	}
	return 0
}

// SurfaceKind classifies a surface.
type SurfaceKind string

const (
	KindEndpoint       SurfaceKind = "endpoint"
	KindUpload         SurfaceKind = "upload"
	KindWebhook        SurfaceKind = "webhook"
	KindAdmin          SurfaceKind = "admin"
	KindStore          SurfaceKind = "store"
	KindExit           SurfaceKind = "exit"
	KindThirdParty     SurfaceKind = "third-party"
	KindPipeline       SurfaceKind = "pipeline"
	KindSecret         SurfaceKind = "secret"
	KindInfrastructure SurfaceKind = "infrastructure"
)

// SurfaceKinds lists all surface kinds.
var SurfaceKinds = []SurfaceKind{KindEndpoint, KindUpload, KindWebhook, KindAdmin, KindStore, KindExit, KindThirdParty, KindPipeline, KindSecret, KindInfrastructure}

// Response is one of the four responses to a threat, or none yet.
type Response string

const (
	Undecided    Response = "undecided"
	Mitigate     Response = "mitigate"
	Eliminate    Response = "eliminate"
	Accept       Response = "accept"
	TransferRisk Response = "transfer"
)

// Responses lists all responses.
var Responses = []Response{Undecided, Mitigate, Eliminate, Accept, TransferRisk}

// ControlStatus tracks a control from wish to fact.
type ControlStatus string

const (
	Planned     ControlStatus = "planned"
	InProgress  ControlStatus = "in-progress"
	Implemented ControlStatus = "implemented"
)

// ControlStatuses lists all control statuses.
var ControlStatuses = []ControlStatus{Planned, InProgress, Implemented}

// State marks what a re-scan found: a new item, or one whose code is gone.
// Empty means known and still present.
type State string

const (
	StateNew  State = "new"
	StateGone State = "gone"
)

// States lists the non-empty states.
var States = []State{StateNew, StateGone}

// Stride is a set of STRIDE letters, kept in S T R I D E order.
type Stride []string

// StrideLetters are the six questions, in order.
var StrideLetters = []string{"S", "T", "R", "I", "D", "E"}

// StrideQuestion is the source's question for each letter.
var StrideQuestion = map[string]string{
	"S": "Spoofing: can someone pretend to be another user or service?",
	"T": "Tampering: can someone modify data in transit or at rest that they should not touch?",
	"R": "Repudiation: can someone perform an action and leave no trace?",
	"I": "Information disclosure: can someone access data they are not authorized to see?",
	"D": "Denial of service: can someone degrade or shut down the service?",
	"E": "Elevation of privilege: can someone escalate from a low-privilege context to a higher one?",
}

// String renders the set as letters, e.g. "ST".
func (s Stride) String() string { return strings.Join(s, "") }

// Date is a calendar day, written YYYY-MM-DD.
type Date struct{ time.Time }

// DateLayout is how dates are written in the model.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// NewDate makes a Date from a time, dropping the clock.
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// String renders the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// MarshalYAML writes YYYY-MM-DD.
func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

// MarshalJSON writes "YYYY-MM-DD" (the embedded time.Time would write a
// timestamp), or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// Duration is a review interval written in days or weeks: 90d, 12w.
type Duration struct{ Days int }

// DefaultReviewEvery is the quarterly check the source recommends.
var DefaultReviewEvery = Duration{Days: 90}

// ParseDuration reads 90d or 12w.
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return Duration{}, fmt.Errorf("%q is not an interval: write days or weeks, like 90d or 12w", s)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 3650 {
		return Duration{}, fmt.Errorf("%q is not an interval: write days or weeks, like 90d or 12w", s)
	}
	switch s[len(s)-1] {
	case 'd':
		return Duration{Days: n}, nil
	case 'w':
		return Duration{Days: 7 * n}, nil
	}
	return Duration{}, fmt.Errorf("%q is not an interval: write days or weeks, like 90d or 12w", s)
}

// IsZero reports an unset interval.
func (d Duration) IsZero() bool { return d.Days == 0 }

// String renders the interval in days.
func (d Duration) String() string {
	if d.Days == 0 {
		return ""
	}
	if d.Days%7 == 0 && d.Days%30 != 0 && d.Days%10 != 0 {
		return strconv.Itoa(d.Days/7) + "w"
	}
	return strconv.Itoa(d.Days) + "d"
}

// MarshalText writes the interval.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// MarshalYAML writes the interval.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// Evidence points at the code that shows something: a repo-relative,
// slash-separated file and a 1-based line (0 when the whole file).
type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
}

// ParseEvidence reads "file:line" or "file".
func ParseEvidence(s string) (Evidence, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Evidence{}, fmt.Errorf("empty evidence: write file:line")
	}
	if i := strings.LastIndexByte(s, ':'); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			if n < 0 {
				return Evidence{}, fmt.Errorf("%q: line must be positive", s)
			}
			return Evidence{File: s[:i], Line: n}, nil
		}
	}
	return Evidence{File: s}, nil
}

// String renders "file:line", or "file" when the line is unknown.
func (e Evidence) String() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line)
	}
	return e.File
}

// MarshalYAML writes "file:line" so people can read and type it.
func (e Evidence) MarshalYAML() (any, error) { return e.String(), nil }
