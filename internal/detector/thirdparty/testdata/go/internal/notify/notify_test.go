package notify

import (
	"testing"

	"github.com/resend/resend-go/v2"
)

func TestX(t *testing.T) { _ = resend.NewClient("re_test") }
