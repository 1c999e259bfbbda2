"""aspnet-api: vanban.chinhphu.vn (postback grid), mof.gov.vn (SPA + JSON) and mic.gov.vn."""
