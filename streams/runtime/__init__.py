"""What the worker runs around the pure core: stages (decode -> core -> persist -> emit) with
retries on unavailable services, the budgeted extractor, health, offsets kept with the state."""
