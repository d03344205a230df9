"""claimwatch stream processing: Faust app, agents, Redis store, producers and CLI."""

__version__ = "0.1.0"
