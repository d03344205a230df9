"""`claimwatch bench`: throughput, latency, stance-update cost and memory, measured on this machine.

corpus.py makes realistic, varied articles (Indonesian and English, deterministic with a seed);
run.py runs the six measures and writes a JSON report; noop_app.py is the Faust pass-through used
as the framework's ceiling; cli.py is the typer command.
"""
