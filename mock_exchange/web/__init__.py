"""HTTP layer of the mock exchange: one module per group of screens, plus the test API."""
