"""baochinhphu-cms: baochinhphu.vn, vpcp, xaydungchinhsach, hanoi.gov.vn and mst.gov.vn."""
