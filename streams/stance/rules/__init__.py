"""One module per alert kind; each reads a DecisionContext and emits into it."""
