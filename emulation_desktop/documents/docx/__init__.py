"""Administrative documents as .docx per Nghị định 30/2020/NĐ-CP: one builder for the parts every
document has (`builder.DocxBuilder`), one small module per document kind in `kinds/`."""
