"""Pure domain core: extraction, propositions, stance/alert decisions. No I/O imports here."""
