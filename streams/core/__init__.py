"""Pure extraction core: an article read once into a document, claims and propositions out. No I/O."""
