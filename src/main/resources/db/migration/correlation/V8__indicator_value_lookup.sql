-- Searching a value whose type cannot be recognised (a pasted string) looks it up by value alone.
CREATE INDEX indicator_value_by_value ON indicator_value (value);
