"""Push: alerts delivered to webhooks, chat and e-mail (apprise), each sink its own consumer group."""
