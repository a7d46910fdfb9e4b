package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

type config struct {
	DatabaseURL   string `json:"database_url"`
	PostmarkToken string `json:"postmark_server_token"`
	SessionSecret string `json:"session_secret"`
}

// load reads production secrets from AWS Secrets Manager; only local
// development falls back to the environment (and .env is git-ignored).
func load(ctx context.Context) (config, error) {
	if os.Getenv("APP_ENV") != "production" {
		return config{
			DatabaseURL:   os.Getenv("DATABASE_URL"),
			PostmarkToken: os.Getenv("POSTMARK_SERVER_TOKEN"),
			SessionSecret: os.Getenv("SESSION_SECRET"),
		}, nil
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return config{}, err
	}
	out, err := secretsmanager.NewFromConfig(awsCfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("mailer/prod")})
	if err != nil {
		return config{}, err
	}
	var c config
	return c, json.Unmarshal([]byte(aws.ToString(out.SecretString)), &c)
}
