"""Who said what: quotation, indirect speech and attribution rules behind the statements stage."""
