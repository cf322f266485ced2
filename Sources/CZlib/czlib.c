// The C code of the package as one translation unit. valgrind 3.19 (callgrind, what the
// benchmarks count instructions with) cannot read a binary holding two of clang's DWARF 5 C
// units ("Possibly corrupted debuginfo file"), so the two files are built from here, not apart
// (Package.swift excludes them).
#include "crc32_clmul.c"
#include "deflate_decoder.c"
