"""The Open Referral UK 3.0 API, mounted at /api/oruk/."""
