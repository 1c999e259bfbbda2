"""Learning a site profile from a capture: discovery, field selectors, family, review."""
