/// The JSON of the interface endpoints by service (README, "The report: `--output json`").
extension Report {
    /// The keys each `savings.interface_endpoints` row gains with the endpoint services.
    func writeEndpointFields(_ row: Savings.InterfaceEndpoint, into json: inout JSONWriter) {
        json.field("endpoint_service", row.endpointService)
        json.field("bytes", row.bytes)
        json.field("attribution", row.attribution.rawValue)
        json.field("counted", row.counted)
        json.field("ambiguous_services", strings: row.ambiguousServices)
        json.key("pair_net_monthly_usd")
        if let pair = row.groupNetMonthlyUSD { json.number(pair, places: 4) } else { json.null() }
        json.field("note", row.note)
    }

    /// The `dns` object: `null` without Resolver query logs.
    func writeDNS(_ json: inout JSONWriter) {
        guard let dns = interfaceEndpoints.dns else { return json.null() }
        json.object { json in
            json.field("files", dns.files)
            json.field("vpcs", strings: dns.vpcs)
            json.field("queries", dns.queries)
            json.field("answers", dns.answers)
            json.field("answers_kept", dns.answersKept)
            json.field("answers_dropped", dns.answersDropped)
            json.field("window_seconds", Int(dns.windowSeconds))
            json.field("amazon_bytes", dns.amazonBytes)
            json.field("named_bytes", dns.namedBytes)
            json.field("ambiguous_bytes", dns.ambiguousBytes)
            let attributed = dns.namedBytes.saturatingAdd(dns.ambiguousBytes)
            json.field("unnamed_bytes", dns.amazonBytes > attributed ? dns.amazonBytes - attributed : 0)
            json.key("coverage")
            if let coverage = dns.coverage { json.number(coverage, places: 4) } else { json.null() }
            json.field("records_not_named_for_room", dns.overflowRecords)
            json.field("not_carried") { json in
                json.array(interfaceEndpoints.notCarried) { json, row in
                    json.inline { json in
                        json.object { json in
                            json.field("name", row.name)
                            json.field("kind", row.kind.rawValue)
                            json.field("region", row.region)
                            json.field("bytes", row.bytes)
                            json.field("monthly_gb", row.monthlyGB, places: 6)
                            json.field("note", row.note)
                        }
                    }
                }
            }
            json.field("sources") { json in
                json.array(interfaceEndpoints.sources) { json, group in
                    json.object { json in
                        json.field("endpoint_service", group.endpointService)
                        json.field("top") { json in
                            json.array(group.rows) { json, row in
                                json.inline { json in
                                    json.object { json in
                                        json.field("address", row.address.description)
                                        json.field("instance_id", row.details?.instanceID)
                                        json.field("ecs_task", row.details?.ecsTask)
                                        json.field("bytes", row.bytes)
                                    }
                                }
                            }
                        }
                        json.field("other_bytes", group.otherBytes)
                        json.field("unknown_bytes", group.unknownBytes)
                    }
                }
            }
        }
    }
}
