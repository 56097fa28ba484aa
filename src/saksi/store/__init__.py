"""The SQLite store: schema migrations, one transaction per article, tables read back as rows."""
