"""Offline replicas of Vietnamese government portals, served over HTTP for crawler tests."""

from __future__ import annotations

from replica.server import ReplicaServer

__all__ = ["ReplicaServer"]
