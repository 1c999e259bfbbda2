"""Spiders: one generic portal spider driven by site profiles."""
