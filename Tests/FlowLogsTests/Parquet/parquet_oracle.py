#!/usr/bin/env python3
"""The pyarrow oracle of flowscan's Parquet tests (another implementation of Parquet).

  parquet_oracle.py write TEXT OUT [--compression gzip|snappy|none] [--dictionary on|off]
                    [--page-version 1.0|2.0] [--row-group-size N] [--page-size N] [--checksum]
      Writes the records of a flow-log text file (header line first) as Parquet with AWS's
      schema: column names with '_' for '-', INT_32 / INT_64 / STRING types, '-' as null.
  parquet_oracle.py read PARQUET [--out FILE]
      Prints (or writes to FILE) the file's rows as a flow-log text file: a header (names with
      '-'), then one line per row, nulls as '-'.
  parquet_oracle.py schema PARQUET --out FILE
      Writes the Arrow schema pyarrow reads, one "name: type[ not null]" a line.
Exits 3 when pyarrow is not installed.
"""
import sys

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:
    sys.stderr.write("pyarrow is not installed\n")
    sys.exit(3)

INT32 = {"version", "srcport", "dstport", "protocol", "tcp-flags", "traffic-path"}
INT64 = {"packets", "bytes", "start", "end"}


def arrow_type(name):
    if name in INT32:
        return pa.int32()
    if name in INT64:
        return pa.int64()
    return pa.string()


def write(args):
    text, out = args[0], args[1]
    options = dict(compression="gzip", dictionary="on", page_version="1.0", row_group_size=None,
                   page_size=None, checksum=False)
    rest = args[2:]
    while rest:
        flag = rest.pop(0)
        if flag == "--checksum":
            options["checksum"] = True
            continue
        options[flag[2:].replace("-", "_")] = rest.pop(0)
    with open(text) as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip()]
    names = lines[0].split()
    columns = [[] for _ in names]
    for line in lines[1:]:
        values = line.split()
        for index, name in enumerate(names):
            value = values[index] if index < len(values) else "-"
            if value == "-":
                columns[index].append(None)
            elif name in INT32 or name in INT64:
                columns[index].append(int(value))
            else:
                columns[index].append(value)
    fields = [pa.field(name.replace("-", "_"), arrow_type(name)) for name in names]
    table = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, fields)],
                                 schema=pa.schema(fields))
    kwargs = dict(compression=options["compression"], use_dictionary=options["dictionary"] == "on",
                  data_page_version=options["page_version"], write_page_checksum=options["checksum"])
    if options["row_group_size"]:
        kwargs["row_group_size"] = int(options["row_group_size"])
    if options["page_size"]:
        kwargs["data_page_size"] = int(options["page_size"])
        kwargs["write_batch_size"] = max(1, int(options["page_size"]) // 64)
    pq.write_table(table, out, **kwargs)


def read(args):
    table = pq.read_table(args[0])
    names = [name.replace("_", "-") for name in table.column_names]
    out = [" ".join(names)]
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for row in range(table.num_rows):
        out.append(" ".join("-" if c[row] is None else str(c[row]) for c in columns))
    text = "\n".join(out) + "\n"
    if len(args) >= 3 and args[1] == "--out":
        with open(args[2], "w") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


def schema(args):
    fields = pq.read_schema(args[0])
    with open(args[2], "w") as handle:
        for field in fields:
            handle.write(f"{field.name}: {field.type}{'' if field.nullable else ' not null'}\n")


if __name__ == "__main__":
    {"write": write, "read": read, "schema": schema}[sys.argv[1]](sys.argv[2:])
