"""cybergeo."""
