// Placeholder: the add-in build (dist/addin/) is written by the add-in work.
