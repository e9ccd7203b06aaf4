"""Ratio benchmarks of the Cinebody SDK; ``python -m benchmarks.run`` runs them all."""
