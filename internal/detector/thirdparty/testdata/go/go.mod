module example.com/docqa

go 1.22

require github.com/sashabaranov/go-openai v1.29.0 // want: third-party openai

require (
	github.com/aws/aws-sdk-go-v2/config v1.27.0 // want: third-party aws-s3
	github.com/aws/aws-sdk-go-v2/service/s3 v1.58.0 // want: third-party aws-s3
	github.com/lib/pq v1.10.9
	github.com/stripe/stripe-go/v76 v76.25.0 // want: third-party stripe
	github.com/not-openai/helper v0.1.0
	github.com/go-pkgz/notify v1.4.0
	github.com/aliyun/alibabacloud-oss-go-sdk-v2 v1.3.0 // want: third-party alibaba-oss
	github.com/tencentyun/cos-go-sdk-v5 v0.7.54 // want: third-party tencent-cos
	github.com/qiniu/qmgo v1.1.8
)

require (
	github.com/twilio/twilio-go v1.20.0 // indirect
	github.com/jmespath/go-jmespath v0.4.0 // indirect
)
