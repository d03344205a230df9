"""The desk's live web view and JSON API (`claimwatch web`): read-only, 127.0.0.1 by default."""
