package com.example.billing;

// import com.stripe.Stripe;
import com.example.billing.stripe.StripeSettings;
import com.example.openai.Prompts;

public class LookalikeNames {}
