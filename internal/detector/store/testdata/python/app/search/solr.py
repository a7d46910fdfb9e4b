import os

import pysolr  # want: store solr Apache Solr (SOLR_URL)

solr = pysolr.Solr(os.environ["SOLR_URL"], always_commit=True)
