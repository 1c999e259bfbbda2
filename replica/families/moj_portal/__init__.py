"""moj-portal: the 2025 THADS platform (demothads.moj.gov.vn) and moj.gov.vn/portal on it."""
