//! CLI behaviour: exit codes, formats, stdin, folders.
