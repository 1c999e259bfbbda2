"""thads-sharepoint: thads.moj.gov.vn, national and province sub-sites on SharePoint 2013."""
