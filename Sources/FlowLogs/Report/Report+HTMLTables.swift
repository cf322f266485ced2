extension Report {
    func writeCost(into html: inout HTMLWriter) {
        section("cost", "What the NAT gateways cost today", into: &html) { section in
            section.table([.left("item"), .right("quantity"), .right("price"), .right("per month")], rows: [
                [.text("data processing (observed)"), ReportFigure.gb(cost.observedGB), ReportFigure.price(prices.natGatewayGB),
                 ReportFigure.usd(cost.observedProcessingUSD)],
                [.text("data processing (GB/month)"), ReportFigure.gb(cost.monthlyGB), ReportFigure.price(prices.natGatewayGB),
                 ReportFigure.usd(cost.monthlyProcessingUSD)],
                [.text("gateway hours (730 h per gateway)"), ReportFigure.count(cost.gateways), ReportFigure.price(prices.natGatewayHour),
                 ReportFigure.usd(cost.monthlyHourlyUSD)],
                [.text("public IPv4 (one per gateway)"), .empty, ReportFigure.price(prices.publicIPv4Hour), ReportFigure.usd(cost.monthlyPublicIPv4USD)],
            ], footer: [[.text("total"), .empty, .empty, ReportFigure.usd(cost.monthlyTotalUSD)]])
            section.element("p", [("class", "muted")], text: "The observed row is what the logs' window cost; the others are per month. Data transfer charges come on top.")
        }
    }

    func writeGateways(into html: inout HTMLWriter) {
        section("gateways", "NAT gateways", into: &html) { section in
            guard !gateways.isEmpty else {
                section.element("p", text: "None identified. Name them with --nat-eni, --nat-ip or --nat-gateways (the JSON of 'aws ec2 describe-nat-gateways').")
                return
            }
            section.table([.left("gateway"), .left("interfaces"), .left("private IPs"), .left("public IPs"), .left("origin"),
                           .left("legs counted"), .right("bytes"), .right("out"), .right("in"), .right("records")],
                          rows: gateways.map { gateway in
                              [.code(gateway.id), .code(gateway.interfaceIDs.joined(separator: " ")),
                               .code(gateway.privateIPs.map(\.description).joined(separator: " ")),
                               .code(gateway.publicIPs.map(\.description).joined(separator: " ")), .text(gateway.origin.rawValue),
                               .text(Report.legsText(gateway.countedLegs) ?? "-"), ReportFigure.bytes(gateway.traffic.bytes),
                               ReportFigure.bytes(gateway.traffic.bytesOut), ReportFigure.bytes(gateway.traffic.bytesIn),
                               ReportFigure.count(gateway.traffic.records)]
                          })
            for gateway in gateways where !gateway.evidence.isEmpty {
                section.element("p") { p in
                    p.element("code", text: gateway.id)
                    p.text(" evidence:")
                }
                section.element("ul") { list in
                    for line in gateway.evidence { list.element("li", text: line.sentence) }
                }
            }
        }
    }

    func writeSources(into html: inout HTMLWriter) {
        section("sources", "Top sources per destination", into: &html) { section in
            guard !sources.isEmpty else {
                section.element("p", text: "No NAT traffic counted.")
                return
            }
            for group in sources {
                var footer: [[HTMLWriter.Cell]] = []
                footer.append([.text("other"), .empty, .empty, .empty, .empty, ReportFigure.bytes(group.otherBytes)])
                footer.append([.text("unknown (NAT-to-internet legs do not name the sender)"), .empty, .empty, .empty, .empty,
                               ReportFigure.bytes(group.unknownBytes)])
                section.table([.left("source"), .left("instance"), .left("interface"), .left("subnet"), .left("ECS task"), .right("bytes")],
                              rows: group.rows.map { row in
                                  [.code(row.address.description), .code(row.details?.instanceID ?? "-"), .code(row.details?.interfaceID ?? "-"),
                                   .code(row.details?.subnetID ?? "-"), .code(row.details?.ecsTask ?? "-"), ReportFigure.bytes(row.bytes)]
                              },
                              caption: "\(group.service) \(group.region)", footer: footer)
            }
        }
    }

    func writeExposure(into html: inout HTMLWriter) {
        let e = exposure
        section("exposure", "Exposure: AWS-bound traffic on the public path", into: &html) { section in
            section.table([.left("AWS-bound bytes"), .right("bytes")], rows: [
                [.text("through NAT gateways"), ReportFigure.bytes(e.awsViaNAT)],
                [.text("through internet gateways"), ReportFigure.bytes(e.awsViaInternetGateway)],
                [.text("through gateway endpoints (traffic-path 7)"), ReportFigure.bytes(e.awsViaEndpoints)],
                [.text("S3/DynamoDB with traffic-path 2 (internet gateway or gateway endpoint)"), ReportFigure.bytes(e.awsAmbiguousPath)],
                [.text("IPv6 out (no NAT charge, still the public path)"), ReportFigure.bytes(e.ipv6Out)],
                [.text("IPv6 in"), ReportFigure.bytes(e.ipv6In)],
                [.text("IPv6, direction unknown"), ReportFigure.bytes(e.ipv6UnknownDirection)],
            ], footer: [[.text("public-path share"), e.publicShare.map(ReportFigure.share) ?? .text("n/a")]])

            section.element("h3", text: "Internet destinations that depend on the NAT gateways")
            paragraph([.text("All internet bytes: "), ReportFigure.bytes(e.internetBytes), .text(".")], into: &section)
            section.table([.left("address"), .right("port"), .left("protocol"), .right("bytes")],
                          rows: e.internetPeers.map { peer in
                              [.code(peer.address.description), ReportFigure.plain(peer.port),
                               .figure(value: String(peer.protocolNumber), text: ProtocolName.of(peer.protocolNumber)), ReportFigure.bytes(peer.bytes)]
                          },
                          footer: [[.text("other"), .empty, .empty, ReportFigure.bytes(e.internetOtherBytes)]])

            section.element("h3", text: "Cleartext protocols through the NAT gateways")
            if e.cleartext.isEmpty {
                section.element("p", text: "None.")
            } else {
                section.table([.right("port"), .left("protocol"), .left("destination"), .right("records"), .right("bytes")],
                              rows: e.cleartext.map { [ReportFigure.plain($0.port), .text($0.name), .text($0.service),
                                                       ReportFigure.count($0.records), ReportFigure.bytes($0.bytes)] })
            }

            section.element("h3", text: "Rejected traffic")
            paragraph([.text("Rejected records: "), ReportFigure.count(e.rejectedRecords), .text(".")], into: &section)
            if !e.rejected.isEmpty {
                section.table([.left("direction"), .left("peer service"), .right("port"), .right("records"), .right("bytes")],
                              rows: e.rejected.map { [.text($0.direction), .text($0.service), ReportFigure.plain($0.port),
                                                      ReportFigure.count($0.records), ReportFigure.bytes($0.bytes)] })
            }
            paragraph([ReportFigure.count(e.skipDataRecords), .text(" SKIPDATA records"),
                       .text(e.skipDataRecords > 0 ? ": some traffic was not logged." : "."),
                       .text(e.folded ? " Per-address tables overflowed: their lightest rows were folded into \"other\"." : "")],
                      into: &section)
        }
    }

    func writeChecks(into html: inout HTMLWriter) {
        section("checks", "Checks", into: &html) { section in
            if serviceCheck.checked > 0 {
                paragraph([.text("pkt-*-aws-service: "), ReportFigure.count(serviceCheck.checked), .text(" records checked, "),
                           ReportFigure.count(serviceCheck.disagreeing), .text(" disagree with ip-ranges.json.")], into: &section)
            } else {
                paragraph([.text("pkt-*-aws-service: not in these logs, nothing to cross-check ("), ReportFigure.count(serviceCheck.checked),
                           .text(" checked, "), ReportFigure.count(serviceCheck.disagreeing), .text(" disagreeing).")], into: &section)
            }
            if !serviceCheck.disagreements.isEmpty {
                section.table([.left("ours"), .left("AWS says"), .right("records")],
                              rows: serviceCheck.disagreements.map { [.text($0.ours), .text($0.theirs), ReportFigure.count($0.records)] })
            }
            if !setAside.isEmpty {
                section.table([.left("reason"), .right("records")], rows: setAside.map { [.text($0.reason.text), ReportFigure.count($0.records)] },
                              caption: "Records read but not NAT traffic")
            }
        }
    }

    func writeBasis(into html: inout HTMLWriter) {
        section("basis", "Prices and assumptions", into: &html) { section in
            section.table([.left("price"), .right("USD")], rows: [
                [.text("NAT gateway per hour"), ReportFigure.price(prices.natGatewayHour)],
                [.text("NAT gateway per GB processed"), ReportFigure.price(prices.natGatewayGB)],
                [.text("interface endpoint per hour per AZ"), ReportFigure.price(prices.interfaceEndpointHour)],
                [.text("interface endpoint per GB"), ReportFigure.price(prices.interfaceEndpointGB)],
                [.text("interface endpoint per GB beyond 1 PB a month"), ReportFigure.price(prices.interfaceEndpointGBNext4PB)],
                [.text("interface endpoint per GB beyond 5 PB a month"), ReportFigure.price(prices.interfaceEndpointGBOver5PB)],
                [.text("public IPv4 per hour"), ReportFigure.price(prices.publicIPv4Hour)],
                [.text("cross-AZ transfer per GB each direction (not in the figures)"), ReportFigure.price(prices.crossAZGB)],
                [.text("gateway endpoint"), .text("free")],
            ])
            section.element("ul") { list in
                for assumption in assumptions { list.element("li", text: assumption.sentence) }
            }
        }
    }

    func writeInputs(into html: inout HTMLWriter) {
        let t = inputs.totals
        section("inputs", "Inputs", into: &html) { section in
            section.table([.left("file"), .left("compression"), .left("status"), .right("records"), .right("NODATA"), .right("SKIPDATA"),
                           .right("transit gw"), .right("malformed"), .right("bytes"), .right("packets")],
                          rows: inputs.files.map { file in
                              [.path(file.path), .text(file.compression), .text(file.status.rawValue), ReportFigure.count(file.records),
                               ReportFigure.count(file.noData), ReportFigure.count(file.skipData), ReportFigure.count(file.transitGateway),
                               ReportFigure.count(file.malformed), ReportFigure.count(file.bytes), ReportFigure.count(file.packets)]
                          },
                          caption: "Files",
                          footer: [[.text("total: "), .text("\(t.damagedFiles) damaged"), .text("\(t.skippedFiles) skipped"),
                                    ReportFigure.count(t.records), ReportFigure.count(t.noData), ReportFigure.count(t.skipData),
                                    ReportFigure.count(t.transitGateway), ReportFigure.count(t.malformed), ReportFigure.count(t.bytes),
                                    ReportFigure.count(t.packets)]])
            section.table([.left("file"), .left("content"), .right("headers"), .right("blank lines"), .right("DNS queries"),
                           .right("first start"), .right("last end"),
                           .right("input bytes"), .right("decoded bytes")],
                          rows: inputs.files.map { file in
                              [.path(file.path), .text(file.content.rawValue), ReportFigure.count(file.headers),
                               ReportFigure.count(file.blankLines), ReportFigure.count(file.queries), ReportFigure.time(file.firstStart), ReportFigure.time(file.lastEnd), ReportFigure.count(file.inputBytes),
                               ReportFigure.count(file.decodedBytes)]
                          },
                          caption: "Reading",
                          footer: [[.text("total"), .empty, .empty, .empty, .empty, ReportFigure.time(t.firstStart), ReportFigure.time(t.lastEnd),
                                    ReportFigure.count(t.inputBytes), ReportFigure.count(t.decodedBytes)]])
            paragraph([ReportFigure.count(t.files), .text(" files, "), ReportFigure.count(t.damagedFiles), .text(" damaged, "),
                       ReportFigure.count(t.skippedFiles), .text(" skipped.")], into: &section)
            writeFileProblems(into: &section)
        }
    }

    /// Formats seen, and per file its error, notes and malformed-line examples.
    private func writeFileProblems(into html: inout HTMLWriter) {
        var formats: [[String]] = []
        for file in inputs.files {
            for format in file.formats where !formats.contains(format) { formats.append(format) }
        }
        if !formats.isEmpty {
            html.element("h3", text: "Formats")
            html.element("ul") { list in
                for format in formats { list.element("li") { $0.element("code", text: format.joined(separator: " ")) } }
            }
        }
        let troubled = inputs.files.filter { $0.error != nil || !$0.notes.isEmpty || !$0.malformedExamples.isEmpty }
        guard !troubled.isEmpty else { return }
        html.element("h3", text: "Problems")
        html.element("ul") { list in
            for file in troubled {
                list.element("li") { item in
                    item.cell(.path(file.path))
                    item.text(": " + file.status.rawValue + (file.error.map { ": " + $0 } ?? ""))
                    let lines: [[HTMLWriter.Cell]] = file.notes.map { [.text("note: " + $0)] }
                        + file.malformedExamples.map { [.text("line "), ReportFigure.plain($0.line), .text(": " + $0.reason)] }
                    if !lines.isEmpty {
                        item.element("ul") { inner in
                            for line in lines { inner.element("li") { li in for part in line { li.cell(part) } } }
                        }
                    }
                }
            }
        }
    }
}
