@testable import FlowLogs

/// Pages and names for the HTML and chart tests.
enum HTMLFixtures {
    /// Names as a log file could carry them: markup, quotes, entities, CDATA ends, terminal
    /// escapes, bidirectional overrides, noncharacters, astral characters.
    static let hostileNames = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "eni-0abc&amp;&lt;&#x3c;",
        "]]></style><style>body{display:none}</style>",
        "eni-1\u{1b}[31mred\u{7}\u{0}",
        "ec2.\u{202e}moc.elgoog\u{202c}.amazonaws.com",
        "nonchar" + scalars(0xfffe, 0xffff, 0xfdd0, 0x1fffe),
        "tab\tand\nnewline\r",
        "bucket-\u{1f600}-ünïcödé",
        "--><!--",
        "",
    ]

    /// Text of the given scalars (Swift refuses some noncharacters in literals).
    static func scalars(_ values: UInt32...) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    /// A page with every chart kind, a table and a list, its names taken from `names`.
    static func page(names: [String] = hostileNames) -> [UInt8] {
        func name(_ index: Int) -> String { names.isEmpty ? "n" : names[index % names.count] }
        var html = HTMLWriter()
        HTMLPage.write(title: "flowscan test " + name(0), styleSheet: HTMLStyleSheet.report, into: &html) { body in
            body.element("h1", text: "Report for " + name(1))
            body.element("div", [("class", "headline")]) { line in
                for index in 0..<3 {
                    line.element("div", [("class", "figure")]) { figure in
                        figure.element("span", [("class", "amount")], text: "$1,234.5\(index)")
                        figure.element("span", [("class", "caption"), ("title", name(index))], text: name(index + 2))
                    }
                }
            }
            body.element("figure") { figure in
                SVGChart.bars((0..<6).map { SVGChart.Bar(label: name($0), value: Double(6 - $0) * 10.5,
                                                          valueLabel: "\(6 - $0) GB · " + name($0 + 1), tone: $0) },
                              id: "bars", title: "NAT bytes by " + name(3), into: &figure)
                figure.element("figcaption", text: "by service")
            }
            body.element("figure") { figure in
                SVGChart.waterfall([
                    .init(label: "today", kind: .total, value: 120, valueLabel: "$120.00"),
                    .init(label: name(4), kind: .change, value: -40, valueLabel: "−$40.00"),
                    .init(label: "interface endpoints", kind: .change, value: -25.5, valueLabel: "−$25.50"),
                    .init(label: "NAT removal", kind: .change, value: -30, valueLabel: "−$30.00"),
                    .init(label: "after", kind: .total, value: 24.5, valueLabel: "$24.50"),
                ], id: "waterfall", title: "savings", into: &figure)
            }
            body.element("figure") { figure in
                let start: UInt64 = 1_795_910_400  // 2026-11-29T00:00:00Z
                var buckets: [SVGChart.Series.Bucket] = []
                for hour in 0..<48 where hour % 7 != 3 {
                    let values: [Double] = [Double(hour % 5) + 1, hour == 30 ? 40 : 2, Double(hour % 3)]
                    buckets.append(.init(start: start + UInt64(hour) * 3600, values: values))
                }
                SVGChart.stackedSeries(.init(names: [name(5), "S3", "public internet"], bucketSeconds: 3600, buckets: buckets),
                                       id: "series", title: "NAT bytes per hour", valueText: { NumberText.decimal($0, 1) + " GB" },
                                       into: &figure)
            }
            body.element("figure") { figure in
                SVGChart.breakEven([
                    .init(label: "com.amazonaws.us-east-1.ecr.dkr", value: 350, threshold: 208.6, valueLabel: "350 GB · pays"),
                    .init(label: name(6), value: 90, threshold: 208.6, valueLabel: "90 GB · below"),
                    .init(label: "no threshold", value: 10, threshold: nil, valueLabel: "10 GB"),
                ], id: "breakeven", title: "interface endpoints", into: &figure)
            }
            body.element("table") { table in
                table.element("thead") { head in
                    head.element("tr") { row in
                        row.element("th", text: "name")
                        row.element("th", [("class", "num")], text: "bytes")
                    }
                }
                table.element("tbody") { rows in
                    for (index, value) in names.enumerated() {
                        rows.element("tr") { row in
                            row.element("td", [("title", value)]) { $0.element("code", text: value) }
                            row.element("td", [("class", "num")], text: NumberText.grouped(index * 1_000_003))
                        }
                    }
                }
            }
            body.element("ul", [("class", "warnings")]) { list in
                for value in names { list.element("li") { $0.element("span", text: value) } }
            }
        }
        return html.bytes
    }
}
