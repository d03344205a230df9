"""claimwatch stream processing: the extraction core, the stance package, the Faust worker and its
runtime (stages, retries, offsets with the state), producers, feeds and the CLI."""

__version__ = "0.1.0"
