module example.com/board

go 1.24

require github.com/aws/aws-sdk-go v1.55.0 // want: third-party aws-ses
