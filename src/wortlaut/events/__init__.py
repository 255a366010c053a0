"""Events (meetings, calls, talks, summits, visits, agreements) found by rules, and statement dates."""
