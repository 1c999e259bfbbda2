"""liferay: dongthap.gov.vn (Liferay DXP 7) and moh.gov.vn (its profile family; a JSON bridge)."""
