module.exports = {
  // generic and provider rules on the same line: the provider wins
  stripeKey: "sk_test_FAKEn4Rz8Qw2Lx6Vb1Mc9Tp3Ky7",
  authToken: "Zx8qLw2VnR4tYp7sKd1mFh6cBj3gNe9u",
  accessKeyName: "primary",
  apiVersion: "2024-01-01",
};
