extension Report {
    /// One scope's object in the `--output json` document's `scopes` (schema `flowscan.report/2`;
    /// README, "JSON output"): `leading` writes the scope's account, region and VPC, then the
    /// per-VPC figures follow; the prefixes and inputs are the estate's (`EstateReport.json`).
    func writeScope(into json: inout JSONWriter, leading: (inout JSONWriter) -> Void) {
        json.object { json in
            leading(&json)
            json.field("window") { json in
                guard let window else { return json.null() }
                json.object { json in
                    json.field("start", window.start)
                    json.field("end", window.end)
                    json.field("hours", window.hours, places: 4)
                    json.field("rough", window.isRough)
                }
            }
            json.field("region_source", regionSourceText)
            json.field("prices") { json in
                json.object { json in
                    for (key, value) in prices.fields { json.field(key, value, places: 4) }
                }
            }
            json.field("prices_source") { writePriceSource(&$0) }
            json.field("vantage", vantage.rawValue)
            json.field("vantage_reason", vantage.reason)
            json.field("nat_gateways") { json in json.array(gateways) { $1.write(into: &$0) } }
            json.field("nat") { nat.write(into: &$0) }
            json.field("destinations") { json in json.array(destinations) { json, destination in writeDestination(destination, into: &json) } }
            json.field("cost") { writeCost(&$0) }
            json.field("savings") { writeSavings(&$0) }
            json.field("dns") { writeDNS(&$0) }
            json.field("sources") { json in json.array(sources) { $1.write(into: &$0) } }
            json.field("exposure") { writeExposure(&$0) }
            json.field("service_check") { json in
                json.object { json in
                    json.field("checked", serviceCheck.checked)
                    json.field("disagreeing", serviceCheck.disagreeing)
                    json.field("disagreements") { json in
                        json.array(serviceCheck.disagreements) { json, row in
                            json.inline { json in
                                json.object { json in
                                    json.field("ours", row.ours)
                                    json.field("theirs", row.theirs)
                                    json.field("records", row.records)
                                }
                            }
                        }
                    }
                }
            }
            json.field("set_aside") { json in
                json.array(setAside) { json, row in
                    json.inline { json in
                        json.object { json in
                            json.field("reason", row.reason.text)
                            json.field("records", row.records)
                        }
                    }
                }
            }
            json.key("fail_above")
            if let failAbove { json.number(failAbove, places: 2) } else { json.null() }
            json.field("threshold_exceeded", thresholdExceeded)
            json.field("assumptions", strings: assumptions.map(\.sentence))
            json.field("warnings", strings: warnings.map(\.sentence))
        }
    }

    static func writePrefixes(_ prefixes: PrefixFileInfo, into json: inout JSONWriter) {
        json.object { json in
            json.field("path", prefixes.path)
            json.field("origin", prefixes.origin)
            json.field("sync_token", prefixes.syncToken)
            json.field("create_date", prefixes.createDate)
            json.key("age_days")
            if let age = prefixes.ageDays { json.number(age, places: 1) } else { json.null() }
        }
    }

    private func monthlyGB(_ bytes: UInt64) -> Double {
        Double(bytes) / 1e9 * (window?.monthlyFactor ?? 0)
    }

    private func writeDestination(_ destination: Destination, into json: inout JSONWriter) {
        json.object { json in
            json.field("service", destination.service)
            json.field("region", destination.region)
            json.field("same_region", destination.sameRegion)
            json.field("category", destination.category.rawValue)
            json.field("bytes", destination.traffic.bytes)
            json.field("bytes_out", destination.traffic.bytesOut)
            json.field("bytes_in", destination.traffic.bytesIn)
            json.field("records", destination.traffic.records)
            json.field("monthly_gb", monthlyGB(destination.traffic.bytes), places: 6)
        }
    }

    private func writeCost(_ json: inout JSONWriter) {
        json.object { json in
            json.field("gateways", cost.gateways)
            json.field("observed_gb", cost.observedGB, places: 6)
            json.field("observed_processing_usd", cost.observedProcessingUSD, places: 4)
            json.field("monthly_gb", cost.monthlyGB, places: 6)
            json.field("monthly_processing_usd", cost.monthlyProcessingUSD, places: 4)
            json.field("monthly_hourly_usd", cost.monthlyHourlyUSD, places: 4)
            json.field("monthly_public_ipv4_usd", cost.monthlyPublicIPv4USD, places: 4)
            json.field("monthly_total_usd", cost.monthlyTotalUSD, places: 4)
        }
    }

    private func writeSavings(_ json: inout JSONWriter) {
        json.object { json in
            json.field("gateway_endpoints") { json in
                json.array(savings.gatewayEndpoints) { json, row in
                    json.object { json in
                        json.field("service", row.service)
                        json.field("monthly_gb", row.monthlyGB, places: 6)
                        json.field("monthly_usd", row.monthlyUSD, places: 4)
                    }
                }
            }
            json.field("gateway_endpoints_monthly_usd", savings.gatewayEndpointsMonthlyUSD, places: 4)
            json.field("interface_endpoints") { json in
                json.array(savings.interfaceEndpoints) { json, row in
                    json.object { json in
                        json.field("service", row.service)
                        json.field("region", row.region)
                        json.field("monthly_gb", row.monthlyGB, places: 6)
                        json.field("saving_per_gb", row.savingPerGB, places: 4)
                        json.field("endpoint_monthly_usd", row.endpointMonthlyUSD, places: 4)
                        json.key("break_even_gb")
                        if let breakEven = row.breakEvenGB { json.number(breakEven, places: 3) } else { json.null() }
                        json.field("net_monthly_usd", row.netMonthlyUSD, places: 4)
                        json.field("worth_it", row.worthIt)
                        writeEndpointFields(row, into: &json)
                    }
                }
            }
            json.field("interface_endpoints_monthly_usd", savings.interfaceEndpointsMonthlyUSD, places: 4)
            json.field("azs", availabilityZones)
            json.field("nat_removal") { json in
                json.object { json in
                    json.field("possible", savings.natRemoval.possible)
                    json.field("worth_it", savings.natRemoval.worthIt)
                    json.field("monthly_usd", savings.natRemoval.worthIt ? savings.natRemoval.netMonthlyUSD : 0, places: 4)
                    json.field("gateway_hours_monthly_usd", savings.natRemoval.hourlyMonthlyUSD, places: 4)
                    json.field("endpoints_needed_monthly_usd", savings.natRemoval.endpointsNeededMonthlyUSD, places: 4)
                    json.field("still_needs_nat") { json in
                        json.array(savings.natRemoval.blockers) { json, row in
                            json.inline { json in
                                json.object { json in
                                    json.field("service", row.service)
                                    json.field("region", row.region)
                                    json.field("category", row.category.rawValue)
                                    json.field("monthly_gb", row.monthlyGB, places: 6)
                                }
                            }
                        }
                    }
                }
            }
            json.field("total_monthly_usd", savings.totalMonthlyUSD, places: 4)
        }
    }

    private func writeExposure(_ json: inout JSONWriter) {
        json.object { json in
            json.field("aws_bytes_via_nat", exposure.awsViaNAT)
            json.field("aws_bytes_via_internet_gateway", exposure.awsViaInternetGateway)
            json.field("aws_bytes_via_endpoints", exposure.awsViaEndpoints)
            json.field("aws_bytes_ambiguous_path", exposure.awsAmbiguousPath)
            json.key("public_share")
            if let share = exposure.publicShare { json.number(share, places: 4) } else { json.null() }
            json.field("internet_bytes", exposure.internetBytes)
            json.field("internet_peers") { json in
                json.array(exposure.internetPeers) { json, peer in
                    json.inline { json in
                        json.object { json in
                            json.field("address", peer.address.description)
                            json.field("port", peer.port)
                            json.field("protocol", peer.protocolNumber)
                            json.field("bytes", peer.bytes)
                        }
                    }
                }
            }
            json.field("internet_other_bytes", exposure.internetOtherBytes)
            json.field("cleartext") { json in
                json.array(exposure.cleartext) { json, row in
                    json.inline { json in
                        json.object { json in
                            json.field("port", row.port)
                            json.field("protocol_name", row.name)
                            json.field("service", row.service)
                            json.field("bytes", row.bytes)
                            json.field("records", row.records)
                        }
                    }
                }
            }
            json.field("rejected_records", exposure.rejectedRecords)
            json.field("rejected") { json in
                json.array(exposure.rejected) { json, row in
                    json.inline { json in
                        json.object { json in
                            json.field("direction", row.direction)
                            json.field("service", row.service)
                            json.field("port", row.port)
                            json.field("records", row.records)
                            json.field("bytes", row.bytes)
                        }
                    }
                }
            }
            json.field("ipv6_bytes_out", exposure.ipv6Out)
            json.field("ipv6_bytes_in", exposure.ipv6In)
            json.field("ipv6_bytes_unknown_direction", exposure.ipv6UnknownDirection)
            json.field("skipdata_records", exposure.skipDataRecords)
            json.field("tables_folded", exposure.folded)
        }
    }
}

extension GatewayFinding {
    func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("interface_id", interfaceIDs.first)
            json.field("private_ip", privateIPs.first?.description)
            json.field("interface_ids", strings: interfaceIDs)
            json.field("private_ips", strings: privateIPs.map(\.description))
            json.field("public_ips", strings: publicIPs.map(\.description))
            json.field("origin", origin.rawValue)
            json.field("evidence", strings: evidence.map(\.sentence))
            json.field("counted_legs", Report.legsText(countedLegs))
            json.field("bytes", traffic.bytes)
            json.field("bytes_out", traffic.bytesOut)
            json.field("bytes_in", traffic.bytesIn)
            json.field("records", traffic.records)
        }
    }
}

extension DirectionalTally {
    func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("bytes", bytes)
            json.field("bytes_out", bytesOut)
            json.field("bytes_in", bytesIn)
            json.field("packets", packets)
            json.field("records", records)
        }
    }
}

extension ServiceSources {
    func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("service", service)
            json.field("region", region)
            json.field("top") { json in
                json.array(rows) { json, row in
                    json.inline { json in
                        json.object { json in
                            json.field("address", row.address.description)
                            json.field("instance_id", row.details?.instanceID)
                            json.field("interface_id", row.details?.interfaceID)
                            json.field("subnet_id", row.details?.subnetID)
                            json.field("ecs_task", row.details?.ecsTask)
                            json.field("bytes", row.bytes)
                        }
                    }
                }
            }
            json.field("other_bytes", otherBytes)
            json.field("unknown_bytes", unknownBytes)
        }
    }
}

extension Report {
    /// The `prices_source` object: which table, region row, file and flags each price came from.
    func writePriceSource(_ json: inout JSONWriter) { Self.writePriceSource(priceSource, into: &json) }

    static func writePriceSource(_ source: PriceSource, into json: inout JSONWriter) {
        json.object { json in
            json.field("region", source.region)
            json.field("table", source.tableOriginKey)
            if case .imported(let path) = source.tableOrigin { json.field("table_path", path) } else { json.field("table_path", nil as String?) }
            json.field("table_date", source.tableDate)
            json.field("from_table", strings: source.fromTable)
            json.field("fell_back", strings: source.fellBack)
            json.field("region_missing", source.regionMissing)
            json.field("pricing_file", source.pricingFile)
            json.field("from_file", strings: source.fromFile)
            json.field("from_flags", strings: source.fromFlags)
        }
    }
}
