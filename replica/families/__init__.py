"""Twins of real portals, one folder per CMS family (the `family` of replica.site.Site)."""
