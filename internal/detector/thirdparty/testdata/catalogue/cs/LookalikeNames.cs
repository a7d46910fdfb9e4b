// using Stripe;
using Example.Stripe;
using static Example.OpenAI.Prompts;

namespace Example.Billing;

public class LookalikeNames {}
