"""A member's own pages under /workspace/me/: profile, consents, their data, and leaving."""
