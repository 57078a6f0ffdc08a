"""One module per document kind, each over `builder.DocxBuilder`."""
