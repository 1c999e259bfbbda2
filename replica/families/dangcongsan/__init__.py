"""dangcongsan: dangcongsan.vn, the Party newspaper."""
