"""Extraction quality: scores against the replicas' truth and the real-world dev set."""
