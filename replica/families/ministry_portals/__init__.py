"""ministry-portals: moit, mofa, moet, bvhttdl and cema, one class over ministries.toml."""
