<?php

// No namespace: a short name is the global class.
\Stripe\Stripe::setApiKey(getenv('PAYMENTS_KEY')); // want: third-party stripe
