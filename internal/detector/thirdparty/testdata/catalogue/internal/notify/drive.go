package notify

import (
	drive "google.golang.org/api/drive/v3"
	sheets "google.golang.org/api/sheets/v4"
)

var _ = drive.NewService
var _ = sheets.NewService
